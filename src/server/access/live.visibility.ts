import { or, type SQL, sql } from 'drizzle-orm';
import type { LiveAudience } from '../../shared/domain/live.events.ts';
import type { Actor } from './actor.ts';
import { scopes } from './scopes.ts';

/** A live event as the fan-out reads it, with the technicians assigned to its job at that moment. */
export interface LiveEventRecord {
  id: number;
  audience: LiveAudience;
  organizationId: string | null;
  contractorId: string | null;
  userId: string | null;
  jobId: string | null;
  kind: string;
  subjectType: string;
  subjectId: string;
  /** `job` events: the technicians assigned to the job when the event was read. */
  technicianIds: string[];
}

/** The live events any of a person's memberships may see (a person without one: their own). */
export function liveEventsScope(userId: string, actors: readonly Actor[]): SQL {
  const all = actors.length > 0 ? actors : [{ kind: 'none' as const, userId }];
  return (or(...all.map((actor) => scopes.liveEvents(actor))) ?? sql`false`) as SQL;
}

/** `scopes.liveEvents` in memory, for one actor: the same rule, on a row already read. */
function actorSees(actor: Actor, event: LiveEventRecord): boolean {
  if (event.audience === 'user') return event.userId === actor.userId;
  if (actor.kind === 'staff') return event.organizationId === actor.organizationId;
  if (actor.kind === 'contractor') return event.contractorId === actor.contractorId && event.audience !== 'staff';
  if (actor.kind === 'technician')
    return event.audience === 'job' && event.contractorId === actor.contractorId && event.technicianIds.includes(actor.technicianId);
  return false;
}

/** Whether any of a person's memberships may see the event (what `liveEventsScope` selects). */
export function canSeeLiveEvent(userId: string, actors: readonly Actor[], event: LiveEventRecord): boolean {
  if (event.audience === 'user') return event.userId === userId;
  return actors.some((actor) => actorSees(actor, event));
}
