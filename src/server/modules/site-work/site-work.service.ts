import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { MAX_TASK_PHOTOS } from '../../../shared/domain/site-work.ts';
import type { attachPhotoSchema, onSiteSchema, siteRevisitSchema, taskAnswerSchema } from '../../../shared/schemas/site-work.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { jobAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { type jobs, jobSiteVisits, jobTaskDefects, jobTaskPhotos, jobTasks } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { copyFileFor } from '../files/files.service.ts';
import { fireJobEvent } from '../jobs/jobs.events.ts';
import { jobLabel, tellJobContractor } from '../jobs/jobs.notify.ts';
import { isSitePhotoMime } from './site-work.images.ts';
import { getSiteSheet, readSiteTask } from './site-work.queries.ts';

type JobRow = typeof jobs.$inferSelect;

const DRIFT_MS = 5 * 60 * 1000;
const OLDEST_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * When something happened on the device: the time it sent (a change queued offline arrives
 * later), or now. Not in the future beyond clock drift, not older than 14 days.
 */
export function deviceMoment(field: string, at: string | undefined, now = new Date()): Date {
  if (at === undefined) return now;
  const moment = new Date(at);
  if (moment.getTime() > now.getTime() + DRIFT_MS) throw badField(field, 'This time is in the future; check the device clock.');
  if (moment.getTime() < now.getTime() - OLDEST_MS) throw badField(field, 'This time is more than 14 days ago.');
  return moment;
}

/**
 * Someone with no membership left (a technician removed from the crew who signed in again, or whose
 * queued changes arrive later) is told so plainly; nothing is applied.
 */
export function assertStillMember(ctx: RequestContext): void {
  if (ctx.actor.kind === 'none')
    throw forbidden('You are no longer on a crew or a team here, so this change was not applied. Ask the contractor if this is a mistake.');
}

/** The job, locked, with what the actor may do on it (404 outside the actor's scope). */
export async function lockSiteJob(tx: Tx, ctx: RequestContext, id: string) {
  assertStillMember(ctx);
  const job = await scoped(tx, ctx.actor).jobs.getForUpdate(id, 'This job');
  return { job, abilities: jobAbilities(ctx.actor, job) };
}

/** Answers and photos change only while the job is in progress, by someone who may perform it. */
function assertAnswerable(job: JobRow, abilities: ReturnType<typeof jobAbilities>) {
  if (abilities.perform) return;
  if (job.status !== 'in_progress')
    throw new AppError(
      'INVALID_TRANSITION',
      `This job is ${job.status.replaceAll('_', ' ')}; tasks are answered on site, while it is in progress.`,
      {
        currentStatus: job.status,
      },
    );
  throw forbidden('Only the contractor and the technicians of the job answer its tasks.');
}

/** A task of the job, locked, through the actor's scope (404 otherwise). */
async function lockTask(tx: Tx, ctx: RequestContext, job: JobRow, taskId: string) {
  const task = await scoped(tx, ctx.actor).jobTasks.getForUpdate(taskId, 'This task');
  if (task.jobId !== job.id) throw new AppError('NOT_FOUND', 'This task was not found.');
  return task;
}

/** Closes the open visit of the job (if any) with its outcome. */
export async function endVisit(tx: Tx, jobId: string, outcome: 'revisit' | 'performed', at: Date, reason: string | null) {
  await tx
    .update(jobSiteVisits)
    .set({ endedAt: at, outcome, reason })
    .where(and(eq(jobSiteVisits.jobId, jobId), isNull(jobSiteVisits.endedAt)));
}

/** "I'm on site": scheduled or revisit → in_progress; the time and, if allowed, the location. */
export async function goOnSite(db: Db, ctx: RequestContext, id: string, input: z.output<typeof onSiteSchema>) {
  const arrivedAt = deviceMoment('at', input.at);
  assertStillMember(ctx);
  await runInTransaction(db, async (tx) => {
    const row = await fireJobEvent(tx, ctx, id, 'start');
    await tx.insert(jobSiteVisits).values({
      id: createId(),
      jobId: row.id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      userId: ctx.user.id,
      technicianId: ctx.actor.kind === 'technician' ? ctx.actor.technicianId : null,
      arrivedAt,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      accuracyM: input.location?.accuracyM ?? null,
    });
  });
  return getSiteSheet(db, ctx, id);
}

/** "Revisit required", with the reason: in_progress → revisit; the visit ends with it. */
export async function requireSiteRevisit(db: Db, ctx: RequestContext, id: string, input: z.output<typeof siteRevisitSchema>) {
  const at = deviceMoment('at', input.at);
  assertStillMember(ctx);
  await runInTransaction(db, async (tx) => {
    const row = await fireJobEvent(tx, ctx, id, 'require_revisit', { note: input.reason });
    await endVisit(tx, row.id, 'revisit', at, input.reason);
    // The desk plans the next visit: it hears when a technician asks for one.
    if (ctx.actor.kind === 'technician')
      await tellJobContractor(tx, row, 'job.revisit_required', `Revisit required: ${jobLabel(row)}`, `${ctx.user.name}: ${input.reason}`);
  });
  return getSiteSheet(db, ctx, id);
}

/** A task's whole answer (result, defects, remarks), replaced at once; the same answer again changes nothing. */
export async function answerTask(db: Db, ctx: RequestContext, id: string, taskId: string, input: z.output<typeof taskAnswerSchema>) {
  const answeredAt = deviceMoment('at', input.at);
  await runInTransaction(db, async (tx) => {
    const { job, abilities } = await lockSiteJob(tx, ctx, id);
    const task = await lockTask(tx, ctx, job, taskId);
    assertAnswerable(job, abilities);
    if (input.defects.length > 0 && !task.defectsAllowed) throw badField('defects', `"${task.title}" takes no defects.`);
    const before = await tx
      .select({ description: jobTaskDefects.description, severity: jobTaskDefects.severity })
      .from(jobTaskDefects)
      .where(eq(jobTaskDefects.taskId, task.id))
      .orderBy(asc(jobTaskDefects.position));
    const same =
      task.result === input.result &&
      (task.remarks ?? null) === (input.remarks || null) &&
      JSON.stringify(before) === JSON.stringify(input.defects.map((d) => ({ description: d.description, severity: d.severity })));
    if (same) return;
    await tx
      .update(jobTasks)
      .set({ result: input.result, remarks: input.remarks || null, answeredByUserId: ctx.user.id, answeredAt })
      .where(eq(jobTasks.id, task.id));
    await tx.delete(jobTaskDefects).where(eq(jobTaskDefects.taskId, task.id));
    if (input.defects.length > 0)
      await tx.insert(jobTaskDefects).values(
        input.defects.map((d, i) => ({
          id: createId(),
          taskId: task.id,
          jobId: job.id,
          organizationId: job.organizationId,
          contractorId: job.contractorId,
          position: i + 1,
          description: d.description,
          severity: d.severity,
        })),
      );
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: job.organizationId,
      contractorId: job.contractorId,
      action: 'job.task_answered',
      entityType: 'job',
      entityId: job.id,
      before: { taskId: task.id, result: task.result, remarks: task.remarks, defects: before },
      after: { taskId: task.id, result: input.result, remarks: input.remarks || null, defects: input.defects },
      ip: ctx.ip,
    });
  });
  return readSiteTask(db, ctx, id, taskId);
}

/**
 * Attaches a photo the caller uploaded (POST /api/files) to a task: an image by its bytes (JPEG,
 * PNG, WebP, HEIC), at most 20 per task; the job's parties get their own file row for the same
 * bytes. The same upload attached again answers the photo already there.
 */
export async function attachPhoto(db: Db, ctx: RequestContext, id: string, taskId: string, input: z.output<typeof attachPhotoSchema>) {
  const takenAt = deviceMoment('at', input.at);
  const photoId = await runInTransaction(db, async (tx) => {
    const { job, abilities } = await lockSiteJob(tx, ctx, id);
    const task = await lockTask(tx, ctx, job, taskId);
    assertAnswerable(job, abilities);
    if (task.photos === 'none') throw badField('taskId', `"${task.title}" takes no photos.`);
    const source = await scoped(tx, ctx.actor).files.find(input.fileId);
    if (!source || source.uploadedByUserId !== ctx.user.id || source.contractorId !== job.contractorId)
      throw badField('fileId', 'Upload the photo first (POST /api/files), then attach it.');
    if (!isSitePhotoMime(source.mime)) throw badField('fileId', 'A photo must be an image (JPEG, PNG, WebP or HEIC).');
    const existing = await tx
      .select({ id: jobTaskPhotos.id })
      .from(jobTaskPhotos)
      .where(scoped(tx, ctx.actor).childrenOf(jobTaskPhotos, jobTaskPhotos.taskId, task.id));
    const again = await tx
      .select({ id: jobTaskPhotos.id })
      .from(jobTaskPhotos)
      .where(and(eq(jobTaskPhotos.taskId, task.id), eq(jobTaskPhotos.sourceFileId, source.id)));
    if (again[0]) return again[0].id;
    if (existing.length >= MAX_TASK_PHOTOS) throw badField('fileId', `A task takes at most ${MAX_TASK_PHOTOS} photos.`);
    const [fileId] = await copyFileFor(tx, source, [{ organizationId: job.organizationId, contractorId: job.contractorId }], ctx.user.id);
    const newId = createId();
    await tx.insert(jobTaskPhotos).values({
      id: newId,
      taskId: task.id,
      jobId: job.id,
      organizationId: job.organizationId,
      contractorId: job.contractorId,
      fileId: fileId!,
      sourceFileId: source.id,
      caption: input.caption || null,
      takenAt,
      addedByUserId: ctx.user.id,
    });
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: job.organizationId,
      contractorId: job.contractorId,
      action: 'job.photo_added',
      entityType: 'job',
      entityId: job.id,
      after: { taskId: task.id, photoId: newId, fileId, name: source.name, size: source.size },
      ip: ctx.ip,
    });
    return newId;
  });
  const task = await readSiteTask(db, ctx, id, taskId);
  return task.photoList.find((p) => p.id === photoId)!;
}

/** Removes a photo from a task (while on site); its file stays on the record. */
export async function removePhoto(db: Db, ctx: RequestContext, id: string, taskId: string, photoId: string) {
  await runInTransaction(db, async (tx) => {
    const { job, abilities } = await lockSiteJob(tx, ctx, id);
    const task = await lockTask(tx, ctx, job, taskId);
    const photo = await scoped(tx, ctx.actor).jobTaskPhotos.find(photoId);
    if (!photo || photo.taskId !== task.id) throw new AppError('NOT_FOUND', 'This photo was not found.');
    assertAnswerable(job, abilities);
    await tx.delete(jobTaskPhotos).where(eq(jobTaskPhotos.id, photo.id));
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: job.organizationId,
      contractorId: job.contractorId,
      action: 'job.photo_removed',
      entityType: 'job',
      entityId: job.id,
      before: { taskId: task.id, photoId: photo.id, fileId: photo.fileId },
      ip: ctx.ip,
    });
  });
  return { ok: true as const };
}
