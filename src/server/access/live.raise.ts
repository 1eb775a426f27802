import { sql } from 'drizzle-orm';
import type { LiveAudience } from '../../shared/domain/live.events.ts';
import type { Executor } from '../db/client.ts';
import { beforeCommit } from '../db/transaction.ts';

/** The NOTIFY channel every process LISTENs on; the payload is the new row's id. */
export const LIVE_CHANNEL = 'portico_live';

/** One live event: who it is for (see `liveAudiences`) and what it is about. Ids and kinds only, never content. */
export type LiveEventInput = {
  kind: string;
  subjectType: string;
  subjectId: string;
} & (
  | { audience: 'user'; userId: string; organizationId?: string | null; contractorId?: string | null }
  | { audience: 'staff'; organizationId: string; contractorId?: string | null }
  | { audience: 'engagement'; organizationId: string; contractorId: string }
  | { audience: 'job'; organizationId: string; contractorId: string; jobId: string }
);

interface LiveEventRow {
  organization_id: string | null;
  contractor_id: string | null;
  audience: LiveAudience;
  user_id: string | null;
  job_id: string | null;
  kind: string;
  subject_type: string;
  subject_id: string;
}

function toRow(event: LiveEventInput): LiveEventRow {
  return {
    organization_id: event.organizationId ?? null,
    contractor_id: event.contractorId ?? null,
    audience: event.audience,
    user_id: event.audience === 'user' ? event.userId : null,
    job_id: event.audience === 'job' ? event.jobId : null,
    kind: event.kind,
    subject_type: event.subjectType,
    subject_id: event.subjectId,
  };
}

/** Events raised in a transaction, written together just before it commits (one statement per transaction). */
const gathered = new WeakMap<object, LiveEventInput[]>();

/**
 * Records live events in the caller's transaction and announces each (NOTIFY with its id).
 * Inside `runInTransaction` the events of the whole transaction are written by ONE statement
 * just before it commits (a transition and its notifications cost one statement, not two);
 * PostgreSQL delivers the notifications at commit, so a rolled-back change announces nothing.
 * Every process's listener (`src/server/modules/live/live.hub.ts`) reads the rows and fans them
 * out to the connected clients allowed to see them.
 */
export async function raiseLiveEvents(tx: Executor, events: readonly LiveEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const waiting = gathered.get(tx);
  if (waiting) {
    waiting.push(...events);
    return;
  }
  const list = [...events];
  const deferred = beforeCommit(tx, async () => {
    gathered.delete(tx);
    await writeLiveEvents(tx, list);
  });
  if (deferred) gathered.set(tx, list);
  else await writeLiveEvents(tx, list);
}

/** One statement: the rows, and a NOTIFY per row carrying its id. */
async function writeLiveEvents(tx: Executor, events: readonly LiveEventInput[]): Promise<void> {
  const rows = JSON.stringify(events.map(toRow));
  await tx.execute(sql`
    with raised as (
      insert into live_events (organization_id, contractor_id, audience, user_id, job_id, kind, subject_type, subject_id)
      select organization_id, contractor_id, audience, user_id, job_id, kind, subject_type, subject_id
        from jsonb_to_recordset(${rows}::jsonb) as r(organization_id text, contractor_id text, audience text, user_id text, job_id text,
                                                      kind text, subject_type text, subject_id text)
      returning id)
    select pg_notify(${LIVE_CHANNEL}, id::text) from raised`);
}

export function raiseLiveEvent(tx: Executor, event: LiveEventInput): Promise<void> {
  return raiseLiveEvents(tx, [event]);
}

/** The records whose status both parties of the engagement see (`byParties` in scopes.ts). */
const engagementRecords = new Set(['engagement', 'contract', 'milestone', 'payment', 'invoice']);

/**
 * The live event of a status change, for the people who can see the record: a job's staff,
 * contractor members and assigned technicians; an engagement's record both parties; anything
 * else (company-internal) the organization's staff only.
 */
export function statusChangedEvent(entityType: string, row: { id: string; organizationId: string; contractorId: string }): LiveEventInput {
  const base = { kind: 'status.changed', subjectType: entityType, subjectId: row.id, organizationId: row.organizationId };
  if (entityType === 'job') return { ...base, audience: 'job', contractorId: row.contractorId, jobId: row.id };
  if (engagementRecords.has(entityType)) return { ...base, audience: 'engagement', contractorId: row.contractorId };
  return { ...base, audience: 'staff', contractorId: row.contractorId };
}
