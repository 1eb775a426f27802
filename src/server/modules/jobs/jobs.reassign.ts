import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { mayFireJobEvent } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import type { Db, Tx } from '../../db/client.ts';
import { files, jobDocuments, jobs, jobTasks, jobTechnicians } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { fireJobEvent } from './jobs.events.ts';
import { assignmentSummary, jobLabel, tellJobContractor } from './jobs.notify.ts';
import { getJob } from './jobs.queries.ts';
import { readActiveEngagement } from './jobs.service.ts';

/**
 * Moves a rejected job's children to another contractor before its parties change: its tasks
 * are re-created for the new contractor, and the company's documents get file rows of the new
 * parties for the same stored bytes (storage is content-addressed: nothing is copied). The old
 * contractor's technicians leave the job.
 */
async function moveChildren(tx: Tx, job: typeof jobs.$inferSelect, contractorId: string, engagementId: string) {
  const tasks = await tx.select().from(jobTasks).where(eq(jobTasks.jobId, job.id));
  const documents = await tx
    .select({ document: jobDocuments, file: files })
    .from(jobDocuments)
    .innerJoin(files, eq(files.id, jobDocuments.fileId))
    .where(and(eq(jobDocuments.jobId, job.id), eq(jobDocuments.side, 'company')));
  await tx.delete(jobTechnicians).where(eq(jobTechnicians.jobId, job.id));
  await tx.delete(jobTasks).where(eq(jobTasks.jobId, job.id));
  await tx.delete(jobDocuments).where(eq(jobDocuments.jobId, job.id));
  await tx.update(jobs).set({ contractorId, engagementId }).where(eq(jobs.id, job.id));
  if (tasks.length > 0)
    await tx.insert(jobTasks).values(tasks.map(({ id: _id, contractorId: _c, ...task }) => ({ ...task, id: createId(), contractorId })));
  for (const { document, file } of documents) {
    const [copy] = await tx
      .insert(files)
      .values({ ...file, id: createId(), contractorId })
      .returning();
    await tx.insert(jobDocuments).values({ ...document, id: createId(), contractorId, fileId: copy!.id });
  }
}

/**
 * Reassign a rejected job: back to `assigned`, offered again to the same contractor or, with
 * `engagementId`, to another active engagement of the organization. The new contractor is told
 * (summary and link); the old one's reason is cleared from the job.
 */
export async function reassignJob(db: Db, ctx: RequestContext, id: string, engagementId: string | undefined) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).jobs.getForUpdate(id, 'This job');
    if (!mayFireJobEvent(ctx.actor, 'reassign')) throw forbidden('You are not allowed to reassign jobs.');
    if (current.status !== 'rejected')
      throw new AppError('INVALID_TRANSITION', `This job is ${current.status.replaceAll('_', ' ')}; only rejected jobs are reassigned.`, {
        currentStatus: current.status,
      });
    const target = engagementId ? await readActiveEngagement(tx, ctx, engagementId) : null;
    if (target && target.id !== current.engagementId) {
      if (target.organizationId !== current.organizationId) throw forbidden();
      await moveChildren(tx, current, target.contractorId, target.id);
    }
    const row = await fireJobEvent(tx, ctx, id, 'reassign', { set: { rejectReason: null, targetOn: null } });
    await tellJobContractor(tx, row, 'job.assigned', `New job: ${jobLabel(row)}`, assignmentSummary(row));
  });
  return getJob(db, ctx, id);
}
