import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type JobStatus, jobMachine, staffableJobStatuses } from '../../../shared/domain/job.machine.ts';
import type {
  BulkRefusalReason,
  BulkResult,
  bulkAcceptSchema,
  bulkEditSchema,
  bulkRejectSchema,
} from '../../../shared/schemas/job-desk.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import { applyBulkTransition } from '../../access/transition.bulk.ts';
import { recordAuditBatch } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { jobs, jobTechnicians } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createId } from '../../lib/ids.ts';
import { checkTechnicianFlags, loadDeskTechnicians } from './jobs.desk.technicians.ts';
import { assertDeskActor, type LockedJob, selectionIds } from './jobs.desk.queries.ts';
import { tellOrganizations } from './jobs.bulk.notify.ts';
import { announceAssignments } from '../technicians/technicians.notify.ts';

/*
 * Bulk requests of the contractor's desk: each is ONE transaction over every job it names (ids,
 * or every job matching the table's filter), with the rows locked in id order (two bulk requests
 * over the same jobs wait for each other, never deadlock), status changes through the machine
 * (applyBulkTransition: compare-and-set, audit and status history in the same transaction), and
 * an answer per job: changed, or refused with its reason. A job the contractor does not see
 * (another contractor's, or none) is refused as `not_found`, naming nothing but the id sent.
 */

type Refusal = BulkResult['refused'][number];

const refusalDetails: Record<BulkRefusalReason, string> = {
  not_found: 'This job was not found.',
  archived: 'This job is archived: it is read-only.',
  not_accepted: 'Accept this job first.',
  wrong_state: 'This job cannot be changed in its current status.',
  changed_meanwhile: 'This job changed meanwhile; reload and try again.',
};

function refusal(id: string, reason: BulkRefusalReason, status: JobStatus | null): Refusal {
  return { id, reason, status, detail: refusalDetails[reason] };
}

/** The named jobs the actor sees, locked until the transaction ends, in id order; and the ids it does not see. */
async function lockSelection(tx: Tx, actor: Actor, ids: readonly string[]): Promise<{ rows: LockedJob[]; missing: string[] }> {
  const rows = ids.length
    ? await tx
        .select({
          id: jobs.id,
          status: jobs.status,
          organizationId: jobs.organizationId,
          contractorId: jobs.contractorId,
          requiredAccreditations: jobs.requiredAccreditations,
          scheduledOn: jobs.scheduledOn,
          siteName: jobs.siteName,
          number: jobs.number,
        })
        .from(jobs)
        .where(and(scopes.jobs(actor), inArray(jobs.id, [...ids])) as SQL)
        .orderBy(jobs.id)
        .for('update')
    : [];
  const seen = new Set(rows.map((row) => row.id));
  return { rows, missing: ids.filter((id) => !seen.has(id)) };
}

function resultOf(selected: number, changedIds: string[], refused: Refusal[]): BulkResult {
  return { selected, changed: changedIds.length, changedIds, refused };
}

/**
 * Assign technicians and/or set a scheduled date on many jobs. Staffable jobs (accepted,
 * scheduled, in progress, revisit) change: an accepted job given a date is scheduled (the
 * machine's `schedule`), the others keep their status; the technicians become exactly those
 * picked. A flagged technician (missing or expiring accreditation) needs `confirmFlagged`;
 * the override is kept on the assignment and in each job's audit event. Each newly assigned
 * technician gets one notification (one email) for the whole batch.
 */
export async function bulkEditJobs(
  db: Db,
  ctx: RequestContext,
  body: z.infer<typeof bulkEditSchema>,
  now = new Date(),
): Promise<BulkResult> {
  const actor = ctx.actor;
  assertDeskActor(actor);
  return runInTransaction(db, async (tx) => {
    const ids = await selectionIds(tx, actor, body.selection, now);
    const { rows, missing } = await lockSelection(tx, actor, ids);
    const refused: Refusal[] = missing.map((id) => refusal(id, 'not_found', null));
    const staffable: LockedJob[] = [];
    for (const row of rows) {
      if (staffableJobStatuses.includes(row.status)) staffable.push(row);
      else
        refused.push(
          refusal(row.id, row.status === 'archived' ? 'archived' : row.status === 'assigned' ? 'not_accepted' : 'wrong_state', row.status),
        );
    }
    const technicians = body.technicianIds ? await loadDeskTechnicians(tx, actor, body.technicianIds) : [];
    const flagged = body.technicianIds
      ? await checkTechnicianFlags(tx, actor, technicians, staffable, body.scheduledOn ?? null, body.confirmFlagged, now)
      : new Map<string, Set<string>>();
    if (staffable.length === 0) return resultOf(ids.length, [], refused);

    const toSchedule = body.scheduledOn ? staffable.filter((row) => row.status === 'accepted') : [];
    const scheduleIds = new Set(toSchedule.map((row) => row.id));
    const technicianIds = technicians.map((t) => t.id);
    const staffOf = (row: LockedJob) => ({
      ...(body.scheduledOn ? { scheduledOn: body.scheduledOn } : {}),
      ...(body.technicianIds ? { technicianIds } : {}),
      ...(flagged.get(row.id)?.size ? { flaggedTechniciansConfirmed: [...flagged.get(row.id)!] } : {}),
    });
    const { moved, refused: unmoved } = await applyBulkTransition(tx, {
      table: jobs,
      machine: jobMachine,
      event: 'schedule',
      rows: toSchedule,
      actor,
      ip: ctx.ip,
      entityType: 'job',
      set: { scheduledOn: body.scheduledOn },
      auditAfter: staffOf,
    });
    refused.push(...unmoved.map((row) => refusal(row.id, 'changed_meanwhile', row.status)));
    const others = staffable.filter((row) => !scheduleIds.has(row.id));
    if (others.length > 0) {
      await tx
        .update(jobs)
        .set({ ...(body.scheduledOn ? { scheduledOn: body.scheduledOn } : {}), version: sql`${jobs.version} + 1`, updatedAt: new Date() })
        .where(
          inArray(
            jobs.id,
            others.map((row) => row.id),
          ),
        );
      await recordAuditBatch(
        tx,
        others.map((row) => ({
          event: {
            actorUserId: actor.userId,
            organizationId: row.organizationId,
            contractorId: row.contractorId,
            action: 'job.staffed',
            entityType: 'job',
            entityId: row.id,
            before: { scheduledOn: row.scheduledOn },
            after: staffOf(row),
            ip: ctx.ip,
          },
        })),
      );
    }
    const changed = [...moved, ...others];
    const added = body.technicianIds ? await replaceTechnicians(tx, actor, changed, technicianIds, flagged) : new Map<string, string[]>();
    // One notice per technician for the batch, listing their jobs with the date just set (from the rows in hand: no read).
    await announceAssignments(
      tx,
      technicians.map((person) => ({ id: person.id, userId: person.userId, contractorId: actor.contractorId })),
      changed.map((row) => ({ ...row, scheduledOn: body.scheduledOn ?? row.scheduledOn })),
      [...added].flatMap(([technicianId, jobIds]) => jobIds.map((jobId) => ({ technicianId, jobId }))),
    );
    if (moved.length > 0) await tellOrganizations(tx, moved, 'job.scheduled', (n) => `${n} job${n === 1 ? '' : 's'} scheduled`);
    return resultOf(ids.length, changed.map((row) => row.id).sort(), refused);
  });
}

/**
 * The jobs' technicians become exactly `technicianIds`: the others are removed, the new ones
 * added (with the flag override when they were flagged for that job). Returns, per technician,
 * the jobs newly assigned to them (whom to tell).
 */
async function replaceTechnicians(
  tx: Tx,
  actor: Extract<Actor, { kind: 'contractor' }>,
  rows: readonly LockedJob[],
  technicianIds: readonly string[],
  flagged: Map<string, Set<string>>,
): Promise<Map<string, string[]>> {
  const jobIds = rows.map((row) => row.id);
  await tx
    .delete(jobTechnicians)
    .where(
      and(
        inArray(jobTechnicians.jobId, jobIds),
        eq(jobTechnicians.contractorId, actor.contractorId),
        sql`not (${jobTechnicians.technicianId} = any(${sql.param([...technicianIds])}::text[]))`,
      ) as SQL,
    );
  const values = rows.flatMap((row) =>
    technicianIds.map((technicianId) => ({
      id: createId(),
      jobId: row.id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      technicianId,
      assignedByUserId: actor.userId,
      flagOverrideConfirmed: flagged.get(row.id)?.has(technicianId) ?? false,
    })),
  );
  const added = new Map<string, string[]>();
  // At most 5,000 jobs × 20 technicians: chunks keep each statement under PostgreSQL's 65,535 parameters.
  for (let start = 0; start < values.length; start += 5000) {
    const inserted = await tx
      .insert(jobTechnicians)
      .values(values.slice(start, start + 5000))
      .onConflictDoNothing({ target: [jobTechnicians.jobId, jobTechnicians.technicianId] })
      .returning({ jobId: jobTechnicians.jobId, technicianId: jobTechnicians.technicianId });
    for (const row of inserted) added.set(row.technicianId, [...(added.get(row.technicianId) ?? []), row.jobId]);
  }
  return added;
}

/** Accept many assigned jobs (with a target date): assigned → accepted. */
export async function bulkAcceptJobs(db: Db, ctx: RequestContext, body: z.infer<typeof bulkAcceptSchema>, now = new Date()) {
  return bulkDecide(db, ctx, body.selection, 'accept', { targetOn: body.targetOn ?? null }, null, now);
}

/** Reject many assigned jobs with one reason: assigned → rejected (back to the company to reassign). */
export async function bulkRejectJobs(db: Db, ctx: RequestContext, body: z.infer<typeof bulkRejectSchema>, now = new Date()) {
  return bulkDecide(db, ctx, body.selection, 'reject', { rejectReason: body.reason }, body.reason, now);
}

async function bulkDecide(
  db: Db,
  ctx: RequestContext,
  selection: z.infer<typeof bulkAcceptSchema>['selection'],
  event: 'accept' | 'reject',
  set: Record<string, unknown>,
  note: string | null,
  now: Date,
): Promise<BulkResult> {
  const actor = ctx.actor;
  assertDeskActor(actor);
  return runInTransaction(db, async (tx) => {
    const ids = await selectionIds(tx, actor, selection, now);
    const { rows, missing } = await lockSelection(tx, actor, ids);
    const { moved, refused } = await applyBulkTransition(tx, {
      table: jobs,
      machine: jobMachine,
      event,
      rows,
      actor,
      ip: ctx.ip,
      entityType: 'job',
      set,
      note,
      ...(event === 'accept' && set.targetOn ? { auditAfter: () => ({ targetOn: set.targetOn }) } : {}),
    });
    const verb = event === 'accept' ? 'accepted' : 'rejected';
    if (moved.length > 0)
      await tellOrganizations(
        tx,
        moved,
        `job.${verb}`,
        (n) => `${n} job${n === 1 ? '' : 's'} ${verb}`,
        note ? `Reason: ${note}` : undefined,
      );
    return resultOf(ids.length, moved.map((row) => row.id).sort(), [
      ...missing.map((id) => refusal(id, 'not_found', null)),
      ...refused.map((row) => refusal(row.id, row.status === 'archived' ? 'archived' : 'wrong_state', row.status)),
    ]);
  });
}
