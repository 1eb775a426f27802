import { and, asc, gt, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../access/actor.ts';
import { type LiveEventRecord, liveEventsScope } from '../../access/live.visibility.ts';
import type { Executor } from '../../db/client.ts';
import { liveEvents } from '../../db/schema/index.ts';

/** How far back a reconnecting client is caught up: older, or more than REPLAY_MAX events, and it refetches everything. */
export const REPLAY_WINDOW = sql`interval '24 hours'`;
export const REPLAY_MAX = 1_000;

const columns = {
  id: liveEvents.id,
  audience: liveEvents.audience,
  organizationId: liveEvents.organizationId,
  contractorId: liveEvents.contractorId,
  userId: liveEvents.userId,
  jobId: liveEvents.jobId,
  kind: liveEvents.kind,
  subjectType: liveEvents.subjectType,
  subjectId: liveEvents.subjectId,
  /** Who is assigned to the job now: what a technician's access depends on, read with the event. */
  technicianIds: sql<string[]>`case when live_events.audience = 'job'
    then array(select jt.technician_id from job_technicians jt where jt.job_id = live_events.job_id)
    else '{}'::text[] end`,
};

function normalize(rows: Array<Omit<LiveEventRecord, 'technicianIds'> & { technicianIds: string[] | null }>): LiveEventRecord[] {
  return rows.map((row) => ({ ...row, id: Number(row.id), technicianIds: row.technicianIds ?? [] }));
}

/** The events with these ids (those that committed), oldest first. */
export async function readLiveEvents(db: Executor, ids: readonly number[]): Promise<LiveEventRecord[]> {
  if (ids.length === 0) return [];
  return normalize(
    await db
      .select(columns)
      .from(liveEvents)
      .where(inArray(liveEvents.id, [...ids]))
      .orderBy(asc(liveEvents.id)),
  );
}

/** Every event after an id, within the replay window (a listener that lost its connection catches up with these). */
export async function readLiveEventsAfter(db: Executor, afterId: number, where?: SQL): Promise<LiveEventRecord[]> {
  return normalize(
    await db
      .select(columns)
      .from(liveEvents)
      .where(and(gt(liveEvents.id, afterId), gt(liveEvents.createdAt, sql`now() - ${REPLAY_WINDOW}`), where))
      .orderBy(asc(liveEvents.id))
      .limit(REPLAY_MAX + 1),
  );
}

export type Replay = { kind: 'events'; events: LiveEventRecord[] } | { kind: 'reset'; lastId: number };

/**
 * What a reconnecting person missed since `sinceId`, through the live-events scope of their
 * memberships. When the event they last saw has left the window, or more than REPLAY_MAX are
 * waiting, they refetch everything instead (reset) and continue from the newest id.
 */
export async function replayFor(db: Executor, userId: string, actors: readonly Actor[], sinceId: number): Promise<Replay> {
  const [known] = await db
    .select({
      seen: sql<boolean>`exists (select 1 from ${liveEvents} where ${liveEvents.id} = ${sinceId} and ${liveEvents.createdAt} > now() - ${REPLAY_WINDOW})`,
      newest: sql<string | null>`(select max(${liveEvents.id}) from ${liveEvents})`,
    })
    .from(sql`(select 1) as one`);
  const newest = Number(known?.newest ?? 0);
  if (!known?.seen) return sinceId >= newest ? { kind: 'events', events: [] } : { kind: 'reset', lastId: newest };
  const events = await readLiveEventsAfter(db, sinceId, liveEventsScope(userId, actors));
  if (events.length > REPLAY_MAX) return { kind: 'reset', lastId: newest };
  return { kind: 'events', events };
}

/** The newest event id (0 when there is none): where a fresh listener starts from. */
export async function newestLiveEventId(db: Executor): Promise<number> {
  const [row] = await db.select({ newest: sql<string | null>`max(${liveEvents.id})` }).from(liveEvents);
  return Number(row?.newest ?? 0);
}

/** Events older than the replay window are of no use to anyone (the maintenance prune job, hourly). */
export async function pruneLiveEvents(db: Executor): Promise<void> {
  await db.delete(liveEvents).where(lt(liveEvents.createdAt, sql`now() - ${REPLAY_WINDOW}`));
}
