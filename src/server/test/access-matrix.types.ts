/* The shapes of the access matrix's cases (shared by the case files). */

export interface Victim {
  engagementId: string;
  contractId: string;
  milestoneId: string;
  invitationId: string;
  fileId: string;
  notificationId: string;
  emailId: string;
  /** A sent payment of A–X (with a proof), a draft, and the batch the sent one went in. */
  paymentId: string;
  draftPaymentId: string;
  batchId: string;
  /** A submitted invoice of A–X with its lines and uploaded document, and X's id (its business details are saved). */
  invoiceId: string;
  contractorId: string;
  jobId: string;
  jobTemplateId: string;
  /** A technician of contractor X (not the attacking technician), with an accreditation, on `myJobId`. */
  technicianId: string;
  accreditationId: string;
  /** A job of A and X, assigned to that technician. */
  myJobId: string;
  /** A job of A and X performed on site by that technician: a task of it, a photo of the task. */
  siteJobId: string;
  siteTaskId: string;
  sitePhotoId: string;
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
