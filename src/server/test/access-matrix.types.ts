/* The shapes of the access matrix's cases (shared by the case files). */

export interface Victim {
  engagementId: string;
  contractId: string;
  milestoneId: string;
  invitationId: string;
  fileId: string;
  notificationId: string;
  emailId: string;
  jobId: string;
  jobTemplateId: string;
  ids: string[];
}

export type Expectation = 'notFound' | 'ownScope';
export interface Case {
  expect: Expectation;
  /** More checks on the answer; returns a failure or null. */
  verify?: (body: string) => string | null;
  /** The request: the url with victim ids filled in, and a body. */
  build(v: Victim): { url: string; body?: unknown; multipart?: boolean };
}
