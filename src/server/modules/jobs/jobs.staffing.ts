import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { jobMachine } from '../../../shared/domain/job.machine.ts';
import type { assignJobTechniciansSchema } from '../../../shared/schemas/technician.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, jobAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition } from '../../access/transition.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Executor } from '../../db/client.ts';
import { jobs, jobTechnicians, technicians, users } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { flagsForAssignment } from '../technicians/technicians.flags.ts';
import { listCrewIds, notifyTechniciansAssigned } from '../technicians/technicians.notify.ts';

/** The job's technicians and date, as the staffing endpoint answers. */
export async function readJobStaffing(db: Executor, ctx: RequestContext, jobId: string) {
  const job = await scoped(db, ctx.actor).jobs.get(jobId, 'This job');
  const crew = await db
    .select({
      id: technicians.id,
      name: sql<string>`coalesce(${technicians.name}, ${users.name})`,
      flagOverrideConfirmed: jobTechnicians.flagOverrideConfirmed,
    })
    .from(jobTechnicians)
    .innerJoin(technicians, eq(technicians.id, jobTechnicians.technicianId))
    .innerJoin(users, eq(users.id, technicians.userId))
    .where(and(eq(jobTechnicians.jobId, jobId), scoped(db, ctx.actor).childrenOf(jobTechnicians, jobTechnicians.jobId, jobId)))
    .orderBy(asc(users.name));
  return { jobId, status: job.status, scheduledOn: job.scheduledOn, version: job.version, technicians: crew };
}

/**
 * The contractor puts technicians on one job (the set replaces the current one) and sets its
 * date: an accepted job becomes `scheduled` (the machine's `schedule`, a date required); a job
 * being worked may change its date and crew. A technician newly added with an accreditation
 * flag for this job (missing, expires before the date, expires within 30 days) needs
 * `confirmFlags`; otherwise 409 CONFIRMATION_REQUIRED naming each flag and nothing changes.
 * Audited with the flags overridden; each newly added technician is notified (one notice each).
 */
export async function assignJobTechnicians(db: Db, ctx: RequestContext, jobId: string, input: z.infer<typeof assignJobTechniciansSchema>) {
  await runInTransaction(db, async (tx) => {
    let job = await scoped(tx, ctx.actor).jobs.getForUpdate(jobId, 'This job');
    const abilities = jobAbilities(ctx.actor, job);
    assertAllowed(abilities, 'assignTechnicians');
    if (ctx.actor.kind !== 'contractor') throw new AppError('FORBIDDEN', 'Only the contractor assigns its technicians.');
    if (job.status === 'accepted' && !input.scheduledOn && input.technicianIds.length > 0)
      throw badField('scheduledOn', 'Set the date the technicians go on site: the job is scheduled with them.');
    const wanted = [...new Set(input.technicianIds)];
    const crew = await listCrewIds(tx, ctx.actor.contractorId, wanted);
    const strangers = wanted.filter((id) => !crew.has(id));
    if (strangers.length > 0) throw badField('technicianIds', `Not in your crew: ${strangers.join(', ')}.`);
    const current = await tx
      .select({ technicianId: jobTechnicians.technicianId })
      .from(jobTechnicians)
      .where(and(eq(jobTechnicians.jobId, jobId), eq(jobTechnicians.contractorId, job.contractorId)));
    const before = current.map((c) => c.technicianId);
    const added = wanted.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !wanted.includes(id));
    const day = input.scheduledOn ?? job.scheduledOn;
    const flags = await flagsForAssignment(tx, ctx.actor, { technicianIds: added, jobIds: [jobId], scheduledOn: day });
    const flagged = added.filter((id) => (flags.get(id) ?? []).length > 0);
    if (flagged.length > 0 && !input.confirmFlags)
      throw new AppError(
        'CONFIRMATION_REQUIRED',
        'Some technicians lack an accreditation this job requires on the day: confirm to assign anyway.',
        {
          flags: flagged.map((technicianId) => ({ technicianId, flags: flags.get(technicianId) ?? [] })),
        },
      );

    if (job.status === 'accepted' && input.scheduledOn)
      job = await applyTransition(tx, {
        table: 'jobs',
        machine: jobMachine,
        event: 'schedule',
        id: jobId,
        by: { actor: ctx.actor, ip: ctx.ip },
        entityType: 'job',
        what: 'This job',
        set: { scheduledOn: input.scheduledOn },
        current: job,
      });
    else if (input.scheduledOn && input.scheduledOn !== job.scheduledOn) {
      const [moved] = await tx
        .update(jobs)
        .set({ scheduledOn: input.scheduledOn, updatedAt: new Date(), version: sql`${jobs.version} + 1` })
        .where(eq(jobs.id, jobId))
        .returning();
      await recordAudit(tx, {
        actorUserId: ctx.user.id,
        organizationId: job.organizationId,
        contractorId: job.contractorId,
        action: 'job.rescheduled',
        entityType: 'job',
        entityId: jobId,
        before: { scheduledOn: job.scheduledOn },
        after: { scheduledOn: input.scheduledOn },
        ip: ctx.ip,
      });
      job = moved ?? job;
    }
    if (removed.length > 0)
      await tx.delete(jobTechnicians).where(and(eq(jobTechnicians.jobId, jobId), inArray(jobTechnicians.technicianId, removed)));
    if (added.length > 0)
      await tx.insert(jobTechnicians).values(
        added.map((technicianId) => ({
          id: createId(),
          jobId,
          organizationId: job.organizationId,
          contractorId: job.contractorId,
          technicianId,
          assignedByUserId: ctx.user.id,
          flagOverrideConfirmed: flagged.includes(technicianId),
        })),
      );
    if (added.length + removed.length > 0)
      await recordAudit(tx, {
        actorUserId: ctx.user.id,
        organizationId: job.organizationId,
        contractorId: job.contractorId,
        action: 'job.technicians_assigned',
        entityType: 'job',
        entityId: jobId,
        before: { technicianIds: before },
        after: {
          technicianIds: wanted,
          ...(flagged.length > 0 ? { assignedAnyway: flagged.map((id) => ({ technicianId: id, flags: flags.get(id) ?? [] })) } : {}),
        },
        ip: ctx.ip,
      });
    await notifyTechniciansAssigned(
      tx,
      added.map((technicianId) => ({ technicianId, jobId })),
    );
  });
  return readJobStaffing(db, ctx, jobId);
}
