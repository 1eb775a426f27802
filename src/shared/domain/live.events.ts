/**
 * Live updates (Server-Sent Events): who an event is for, and what a client receives. An event
 * carries ids and kinds only, never content: the client refetches through the access-checked API.
 */

/**
 * Who may receive an event:
 * - `staff`: the organization's staff only (company-internal things);
 * - `engagement`: the organization's staff and the contractor's members;
 * - `user`: one person (a notification for them);
 * - `job`: staff, the contractor's members and the technicians assigned to that job.
 */
export const liveAudiences = ['staff', 'engagement', 'user', 'job'] as const;
export type LiveAudience = (typeof liveAudiences)[number];

/** What a client receives as the `data` of an SSE message (its `id:` is the same id). */
export interface LiveMessage {
  id: number;
  /** e.g. `status.changed`, `notification.created`, `message.created`. */
  kind: string;
  subjectType: string;
  subjectId: string;
}

/** The SSE event name that tells a client it missed too much: refetch everything. */
export const LIVE_RESET_EVENT = 'reset';

/** The SSE endpoint. */
export const LIVE_EVENTS_PATH = '/api/events';
