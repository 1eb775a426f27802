import { raiseLiveEvent } from '../../access/live.raise.ts';
import type { Executor } from '../../db/client.ts';
import type { MessageRow } from './messages.presenter.ts';

/**
 * Announces a message change on the live stream (ids only, never the text): to the engagement's
 * parties, and for a message about a job also to the technicians assigned to it.
 */
export async function announceMessage(tx: Executor, row: MessageRow, kind: 'message.created' | 'message.edited' | 'message.deleted') {
  const about = { kind, subjectType: 'message', subjectId: row.id } as const;
  if (row.jobId)
    return raiseLiveEvent(tx, {
      audience: 'job',
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      jobId: row.jobId,
      ...about,
    });
  return raiseLiveEvent(tx, { audience: 'engagement', organizationId: row.organizationId, contractorId: row.contractorId, ...about });
}

/** An internal note reaches the organization's staff only: the `staff` audience, without the contractor. */
export async function announceNote(tx: Executor, note: { id: string; organizationId: string }) {
  return raiseLiveEvent(tx, {
    audience: 'staff',
    organizationId: note.organizationId,
    kind: 'message.note_added',
    subjectType: 'thread',
    subjectId: note.id,
  });
}

/** The person's other tabs refresh their unread counts. */
export async function announceRead(tx: Executor, userId: string, threadId: string) {
  return raiseLiveEvent(tx, { audience: 'user', userId, kind: 'message.thread_read', subjectType: 'thread', subjectId: threadId });
}
