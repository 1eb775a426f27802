import { and, asc, desc, eq } from 'drizzle-orm';
import { missingForPerform } from '../../../shared/domain/site-work.ts';
import type { SiteSheet } from '../../../shared/schemas/site-work.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { jobAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import {
  contractors,
  files,
  jobSignoffs,
  jobSiteVisits,
  jobTaskDefects,
  jobTaskPhotos,
  jobTasks,
  organizations,
  users,
} from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { notFound } from '../../lib/errors.ts';

export const photoUrl = (jobId: string, photoId: string) => `/api/jobs/${jobId}/photos/${photoId}`;
export const reportUrl = (jobId: string) => `/api/jobs/${jobId}/report`;

/** The tasks of a job the actor sees, with their defects and photos (each list through the actor's scope). */
export async function readSiteTasks(db: Executor, actor: Actor, jobId: string) {
  const [tasks, defects, photos] = await readTogether(
    db,
    () =>
      db
        .select({ task: jobTasks, answeredBy: users.name })
        .from(jobTasks)
        .leftJoin(users, eq(users.id, jobTasks.answeredByUserId))
        .where(and(eq(jobTasks.jobId, jobId), scopes.jobTasks(actor)))
        .orderBy(asc(jobTasks.position)),
    () =>
      db
        .select()
        .from(jobTaskDefects)
        .where(and(eq(jobTaskDefects.jobId, jobId), scopes.jobTaskDefects(actor)))
        .orderBy(asc(jobTaskDefects.taskId), asc(jobTaskDefects.position)),
    () =>
      db
        .select({ photo: jobTaskPhotos, file: files, addedBy: users.name })
        .from(jobTaskPhotos)
        .innerJoin(files, eq(files.id, jobTaskPhotos.fileId))
        .leftJoin(users, eq(users.id, jobTaskPhotos.addedByUserId))
        .where(and(eq(jobTaskPhotos.jobId, jobId), scopes.jobTaskPhotos(actor)))
        .orderBy(asc(jobTaskPhotos.createdAt), asc(jobTaskPhotos.id)),
  );
  return tasks.map(({ task, answeredBy }) => {
    const photoList = photos
      .filter((p) => p.photo.taskId === task.id)
      .map(({ photo, file, addedBy }) => ({
        id: photo.id,
        taskId: photo.taskId,
        fileId: photo.fileId,
        name: file.name,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
        caption: photo.caption,
        takenAt: photo.takenAt.toISOString(),
        addedBy,
        url: photoUrl(jobId, photo.id),
      }));
    return {
      id: task.id,
      position: task.position,
      title: task.title,
      resultRequired: task.resultRequired,
      defectsAllowed: task.defectsAllowed,
      photos: task.photos,
      result: task.result,
      remarks: task.remarks,
      defects: defects.filter((d) => d.taskId === task.id).map((d) => ({ description: d.description, severity: d.severity })),
      photoList,
      answeredBy: task.answeredAt ? answeredBy : null,
      answeredAt: task.answeredAt?.toISOString() ?? null,
    };
  });
}

/** One task of a job as the site sheet shows it (its defects and photos), after a change the caller just made to it. */
export async function readSiteTask(db: Executor, ctx: RequestContext, jobId: string, taskId: string) {
  const task = (await readSiteTasks(db, ctx.actor, jobId)).find((t) => t.id === taskId);
  if (!task) throw notFound('This task');
  const { photoList, ...rest } = task;
  return { ...rest, photoList: photoList.map(({ sha256: _s, ...p }) => p) };
}

/** The newest sign-off of a job (a job sent back and performed again has several), with its report file. */
export async function readLatestSignoff(db: Executor, actor: Actor, jobId: string) {
  const [row] = await db
    .select({ signoff: jobSignoffs, by: users.name, report: files })
    .from(jobSignoffs)
    .leftJoin(users, eq(users.id, jobSignoffs.signedByUserId))
    .leftJoin(files, eq(files.id, jobSignoffs.reportFileId))
    .where(and(eq(jobSignoffs.jobId, jobId), scopes.jobSignoffs(actor)))
    .orderBy(desc(jobSignoffs.createdAt), desc(jobSignoffs.id))
    .limit(1);
  return row;
}

/** The names of the company and the contractor a job is between (the job was already read through the actor's scope). */
export function readJobParties(db: Executor, job: { organizationId: string; contractorId: string }) {
  return db
    .select({ organizationName: organizations.name, contractorName: contractors.name })
    .from(organizations)
    .innerJoin(contractors, eq(contractors.id, job.contractorId))
    .where(eq(organizations.id, job.organizationId));
}

/** The visits to a job's site the actor sees, in arrival order, with who made each. */
export function readSiteVisits(db: Executor, actor: Actor, jobId: string) {
  return db
    .select({ visit: jobSiteVisits, by: users.name })
    .from(jobSiteVisits)
    .leftJoin(users, eq(users.id, jobSiteVisits.userId))
    .where(and(eq(jobSiteVisits.jobId, jobId), scopes.jobSiteVisits(actor)))
    .orderBy(asc(jobSiteVisits.arrivedAt), asc(jobSiteVisits.id));
}

/** A job as worked on site: the same for the technician and the desk; 404 outside the actor's scope. */
export async function getSiteSheet(db: Executor, ctx: RequestContext, id: string): Promise<SiteSheet> {
  const job = await scoped(db, ctx.actor).jobs.get(id, 'This job');
  const [[names], tasks, visits, latest] = await readTogether(
    db,
    () => readJobParties(db, job),
    () => readSiteTasks(db, ctx.actor, id),
    () => readSiteVisits(db, ctx.actor, id),
    () => readLatestSignoff(db, ctx.actor, id),
  );
  const abilities = jobAbilities(ctx.actor, job);
  const signoff = latest?.signoff;
  return {
    job: {
      id: job.id,
      number: job.number,
      status: job.status,
      siteName: job.siteName,
      siteAddress: job.siteAddress,
      description: job.description,
      accessDetails: job.accessDetails,
      scheduledOn: job.scheduledOn,
      dueOn: job.dueOn,
      organizationName: names?.organizationName ?? '',
      contractorName: names?.contractorName ?? '',
      version: job.version,
    },
    tasks: tasks.map(({ photoList, ...task }) => ({ ...task, photoList: photoList.map(({ sha256: _s, ...p }) => p) })),
    visits: visits.map(({ visit, by }) => ({
      id: visit.id,
      arrivedAt: visit.arrivedAt.toISOString(),
      by,
      location:
        visit.latitude === null || visit.longitude === null
          ? null
          : { latitude: visit.latitude, longitude: visit.longitude, accuracyM: visit.accuracyM },
      endedAt: visit.endedAt?.toISOString() ?? null,
      outcome: visit.outcome,
      reason: visit.reason,
    })),
    signoff: signoff
      ? {
          id: signoff.id,
          notes: signoff.notes,
          technicianName: signoff.technicianName,
          technicianSignedAt: signoff.technicianSignedAt.toISOString(),
          siteContactName: signoff.siteContactName,
          siteContactSignedAt: signoff.siteContactSignedAt?.toISOString() ?? null,
          performedAt: signoff.performedAt.toISOString(),
          by: latest.by,
          report: latest.report
            ? { fileId: latest.report.id, name: latest.report.name, size: latest.report.size, url: reportUrl(id) }
            : null,
        }
      : null,
    missing: missingForPerform(tasks.map((t) => ({ ...t, photoCount: t.photoList.length }))),
    abilities: {
      onSite: abilities.start,
      revisit: abilities.requireRevisit,
      answer: abilities.perform,
      perform: abilities.perform,
      downloadReport: Boolean(signoff?.reportFileId),
    },
  };
}

/** One photo of a job the actor sees, with its file (404 otherwise). */
export async function readJobPhoto(db: Executor, ctx: RequestContext, jobId: string, photoId: string) {
  const job = await scoped(db, ctx.actor).jobs.get(jobId, 'This job');
  const [row] = await db
    .select({ photo: jobTaskPhotos, file: files })
    .from(jobTaskPhotos)
    .innerJoin(files, eq(files.id, jobTaskPhotos.fileId))
    .where(and(eq(jobTaskPhotos.id, photoId), eq(jobTaskPhotos.jobId, job.id), scopes.jobTaskPhotos(ctx.actor)));
  if (!row) throw notFound('This photo');
  return row.file;
}
