import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { flagAccreditations } from '../../../shared/domain/accreditation.flags.ts';
import type { AccreditationType } from '../../../shared/domain/accreditations.ts';
import type { technicianFlagsRequestSchema } from '../../../shared/schemas/technician.schema.ts';
import type { Actor } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { jobs, technicianAccreditations, technicians, users } from '../../db/schema/index.ts';
import { forbidden } from '../../lib/errors.ts';
import { technicianName, technicianSearch } from './technicians.queries.ts';

/** Today as the flags count it: the UTC calendar day (a contractor works for organizations in many zones). */
export function flagDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The jobs asked about, as far as the actor sees them, with what the flags need. */
async function loadFlagJobs(db: Executor, actor: Actor, jobIds: readonly string[]) {
  if (jobIds.length === 0) return [];
  return db
    .select({ id: jobs.id, requiredAccreditations: jobs.requiredAccreditations, scheduledOn: jobs.scheduledOn })
    .from(jobs)
    .where(and(inArray(jobs.id, [...new Set(jobIds)]), scopes.jobs(actor)));
}

/** Every accreditation of these technicians (one statement). */
async function loadHeld(db: Executor, contractorId: string, technicianIds: readonly string[]) {
  if (technicianIds.length === 0) return new Map<string, Array<{ type: string; expiresOn: string | null }>>();
  const rows = await db
    .select({
      technicianId: technicianAccreditations.technicianId,
      type: technicianAccreditations.type,
      expiresOn: technicianAccreditations.expiresOn,
    })
    .from(technicianAccreditations)
    .where(
      and(eq(technicianAccreditations.contractorId, contractorId), inArray(technicianAccreditations.technicianId, [...technicianIds])),
    );
  const held = new Map<string, Array<{ type: string; expiresOn: string | null }>>();
  for (const row of rows) held.set(row.technicianId, [...(held.get(row.technicianId) ?? []), row]);
  return held;
}

/**
 * The technicians a contractor may pick for some jobs, each with their accreditation flags for
 * those jobs (on `scheduledOn` when a date is about to be set). Three statements whatever the
 * number of jobs and technicians. Only contractor members pick technicians.
 */
export async function loadTechnicianFlags(
  db: Executor,
  actor: Actor,
  request: z.infer<typeof technicianFlagsRequestSchema>,
  now = new Date(),
) {
  if (actor.kind !== 'contractor') throw forbidden('Only the contractor’s office assigns technicians.');
  const flagJobs = await loadFlagJobs(db, actor, request.jobIds);
  const crew = await db
    .select({ id: technicians.id, name: technicianName, email: users.email })
    .from(technicians)
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(and(scopes.technicians(actor), isNull(technicians.removedAt), technicianSearch(request.q)))
    .orderBy(asc(technicianName), asc(technicians.id))
    .limit(request.limit + 1);
  const shown = crew.slice(0, request.limit);
  const held = await loadHeld(
    db,
    actor.contractorId,
    shown.map((t) => t.id),
  );
  const today = flagDay(now);
  const flags = flagAccreditations({
    technicians: shown.map((t) => ({ id: t.id, accreditations: held.get(t.id) ?? [] })),
    jobs: flagJobs,
    today,
    scheduledOn: request.scheduledOn ?? null,
  });
  const seen = new Set(flagJobs.map((j) => j.id));
  return {
    today,
    technicians: shown.map((t, i) => ({
      ...t,
      flags: (flags[i]?.flags ?? []).map((f) => ({ ...f, type: f.type as AccreditationType })),
    })),
    hasMore: crew.length > request.limit,
    unknownJobIds: [...new Set(request.jobIds)].filter((id) => !seen.has(id)),
  };
}

/**
 * The flags of some technicians for some jobs, for a service that assigns them (one job or a
 * bulk edit): technician id → flags; technicians not of the actor's crew are absent.
 */
export async function flagsForAssignment(
  db: Executor,
  actor: Actor,
  input: { technicianIds: readonly string[]; jobIds: readonly string[]; scheduledOn?: string | null },
  now = new Date(),
) {
  if (actor.kind !== 'contractor') return new Map<string, ReturnType<typeof flagAccreditations>[number]['flags']>();
  const flagJobs = await loadFlagJobs(db, actor, input.jobIds);
  const held = await loadHeld(db, actor.contractorId, input.technicianIds);
  const result = flagAccreditations({
    technicians: input.technicianIds.map((id) => ({ id, accreditations: held.get(id) ?? [] })),
    jobs: flagJobs,
    today: flagDay(now),
    scheduledOn: input.scheduledOn ?? null,
  });
  return new Map(result.map((r) => [r.technicianId, r.flags]));
}
