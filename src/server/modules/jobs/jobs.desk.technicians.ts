import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { type AccreditationFlagKind, flagAccreditations, type TechnicianFlags } from '../../../shared/domain/accreditation.flags.ts';
import type { DeskSelection } from '../../../shared/schemas/job-desk.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { jobs, technicianAccreditations, technicians, users } from '../../db/schema/index.ts';
import { AppError, badField } from '../../lib/errors.ts';
import { assertDeskActor, selectionIds } from './jobs.desk.queries.ts';

/*
 * Technicians at the desk: the contractor's technicians with their accreditation flags for the
 * jobs being staffed (flagAccreditations, src/shared/domain/accreditation.flags.ts), for the bulk
 * dialog and for the bulk edit itself, which refuses flagged technicians without confirmation.
 */

export interface DeskTechnician {
  id: string;
  userId: string;
  name: string;
  email: string;
}

type ContractorActor = Extract<Actor, { kind: 'contractor' }>;

/** The contractor's technicians (all of them, or those named: an unknown id is a 400 on technicianIds). */
export async function loadDeskTechnicians(db: Executor, actor: ContractorActor, ids?: readonly string[]): Promise<DeskTechnician[]> {
  const rows = await db
    .select({ id: technicians.id, userId: technicians.userId, name: users.name, email: users.email })
    .from(technicians)
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(and(scopes.technicians(actor), isNull(technicians.removedAt), ids ? inArray(technicians.id, [...ids]) : undefined) as SQL)
    .orderBy(asc(users.name), asc(technicians.id));
  if (ids && rows.length !== new Set(ids).size) throw badField('technicianIds', 'Pick technicians of your own team.');
  return rows;
}

/** Each technician's accreditations, for the flags. */
async function accreditationsOf(db: Executor, actor: ContractorActor, technicianIds: readonly string[]) {
  if (technicianIds.length === 0) return new Map<string, Array<{ type: string; expiresOn: string | null }>>();
  const rows = await db
    .select({
      technicianId: technicianAccreditations.technicianId,
      type: technicianAccreditations.type,
      expiresOn: technicianAccreditations.expiresOn,
    })
    .from(technicianAccreditations)
    .where(and(scopes.technicianAccreditations(actor), inArray(technicianAccreditations.technicianId, [...technicianIds])) as SQL);
  const byTechnician = new Map<string, Array<{ type: string; expiresOn: string | null }>>();
  for (const row of rows) byTechnician.set(row.technicianId, [...(byTechnician.get(row.technicianId) ?? []), row]);
  return byTechnician;
}

interface FlagJob {
  id: string;
  requiredAccreditations: readonly string[];
  scheduledOn: string | null;
}

async function flagsFor(
  db: Executor,
  actor: ContractorActor,
  people: readonly DeskTechnician[],
  jobRows: readonly FlagJob[],
  scheduledOn: string | null,
  now: Date,
): Promise<TechnicianFlags[]> {
  const held = await accreditationsOf(
    db,
    actor,
    people.map((p) => p.id),
  );
  return flagAccreditations({
    technicians: people.map((p) => ({ id: p.id, accreditations: held.get(p.id) ?? [] })),
    jobs: jobRows,
    today: now.toISOString().slice(0, 10),
    scheduledOn,
  });
}

/**
 * The flags of the technicians picked for these jobs. Flagged and not confirmed: 409 with each
 * flagged technician's flags (nothing is written). Confirmed: per job, the technicians assigned
 * despite a flag (kept on the assignment and in the audit event).
 */
export async function checkTechnicianFlags(
  db: Executor,
  actor: ContractorActor,
  people: readonly DeskTechnician[],
  jobRows: readonly FlagJob[],
  scheduledOn: string | null,
  confirmed: boolean,
  now: Date,
): Promise<Map<string, Set<string>>> {
  const flags = (await flagsFor(db, actor, people, jobRows, scheduledOn, now)).filter((f) => f.flags.length > 0);
  if (flags.length > 0 && !confirmed)
    throw new AppError(
      'CONFLICT',
      `${flags.length === 1 ? 'A technician has' : `${flags.length} technicians have`} missing or expiring accreditations for these jobs: confirm to assign anyway.`,
      { reason: 'accreditation_flags', technicians: flags.map((f) => ({ technicianId: f.technicianId, flags: summarize(f) })) },
    );
  const byJob = new Map<string, Set<string>>();
  for (const technician of flags)
    for (const flag of technician.flags)
      for (const jobId of flag.jobIds) byJob.set(jobId, (byJob.get(jobId) ?? new Set()).add(technician.technicianId));
  return byJob;
}

function summarize(flags: TechnicianFlags): Array<{ kind: AccreditationFlagKind; type: string; expiresOn: string | null; jobs: number }> {
  return flags.flags.map((f) => ({ kind: f.kind, type: f.type, expiresOn: f.expiresOn, jobs: f.jobIds.length }));
}

/** The bulk dialog: every technician of the contractor with their flags for the selected jobs (on the date about to be set). */
export async function deskTechnicianFlags(
  db: Executor,
  ctx: RequestContext,
  body: { selection: DeskSelection; scheduledOn?: string },
  now = new Date(),
) {
  const actor = ctx.actor;
  assertDeskActor(actor);
  const ids = await selectionIds(db, actor, body.selection, now);
  const jobRows = ids.length
    ? await db
        .select({ id: jobs.id, requiredAccreditations: jobs.requiredAccreditations, scheduledOn: jobs.scheduledOn })
        .from(jobs)
        .where(and(scopes.jobs(actor), inArray(jobs.id, ids)) as SQL)
    : [];
  const people = await loadDeskTechnicians(db, actor);
  const flags = await flagsFor(db, actor, people, jobRows, body.scheduledOn ?? null, now);
  return {
    jobs: jobRows.length,
    technicians: people.map((p, i) => ({ id: p.id, name: p.name, email: p.email, flags: summarize(flags[i]!) })),
  };
}
