import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { myJobsQuerySchema } from '../../../shared/schemas/my-jobs.schema.ts';
import type { AccreditationType } from '../../../shared/domain/accreditations.ts';
import type { JobStatus } from '../../../shared/domain/job.machine.ts';
import type { Actor } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { files, jobDocuments, jobs, jobTasks, jobTechnicians, organizations, technicians, users } from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { notFound } from '../../lib/errors.ts';
import { readCursor, encodeCursor } from '../../lib/pagination.ts';
import { flagDay } from './technicians.flags.ts';

/** The jobs a technician works on: from scheduled until they performed it (then the office completes it). */
export const technicianJobStatuses: readonly JobStatus[] = ['accepted', 'scheduled', 'in_progress', 'revisit', 'performed_need_docs'];

/** Technicians see their own jobs only: anyone else asking here is told there is nothing (404). */
function technicianOnly(actor: Actor): Extract<Actor, { kind: 'technician' }> {
  if (actor.kind !== 'technician') throw notFound('This page is for technicians');
  return actor;
}

const NO_DATE = '9999-12-31';
const day = sql<string>`coalesce(${jobs.scheduledOn}, ${NO_DATE}::date)::text`;

/** After the cursor in (scheduled day, id) order, unscheduled jobs last; the cursor is checked before any query. */
function afterCursor(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [after, id] = readCursor(cursor, ['date', 'text']);
  return sql`(coalesce(${jobs.scheduledOn}, ${NO_DATE}::date), ${jobs.id}) > (${after}::date, ${id})`;
}

/**
 * The technician's jobs, a page at a time: `today` (scheduled today or earlier and not done yet,
 * so yesterday's unfinished job stays in sight) or `upcoming` (later, or not scheduled yet),
 * soonest first. Only jobs assigned to this technician (the jobs scope), of their contractor.
 */
export async function listMyJobs(db: Executor, actor: Actor, query: z.infer<typeof myJobsQuerySchema>, now = new Date()) {
  const technician = technicianOnly(actor);
  const today = flagDay(now);
  const when =
    query.when === 'today'
      ? sql`${jobs.scheduledOn} <= ${today}::date`
      : or(isNull(jobs.scheduledOn), sql`${jobs.scheduledOn} > ${today}::date`);
  const rows = await db
    .select({
      id: jobs.id,
      number: jobs.number,
      status: jobs.status,
      siteName: jobs.siteName,
      siteAddress: jobs.siteAddress,
      scheduledOn: jobs.scheduledOn,
      dueOn: jobs.dueOn,
      priority: jobs.priority,
      organizationName: organizations.name,
      key: day,
    })
    .from(jobs)
    .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
    .where(and(scopes.jobs(technician), inArray(jobs.status, [...technicianJobStatuses]), when, afterCursor(query.cursor)))
    .orderBy(sql`coalesce(${jobs.scheduledOn}, ${NO_DATE}::date)`, asc(jobs.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    today,
    items: items.map(({ key: _key, ...row }) => row),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.key, last.id]) : null,
  };
}

/** One of the technician's jobs: where, when, how to get in, what to do, the company's documents; 404 if not theirs. */
export async function getMyJob(db: Executor, actor: Actor, id: string) {
  const technician = technicianOnly(actor);
  const [job] = await db
    .select({
      id: jobs.id,
      number: jobs.number,
      status: jobs.status,
      siteName: jobs.siteName,
      siteAddress: jobs.siteAddress,
      description: jobs.description,
      accessDetails: jobs.accessDetails,
      scheduledOn: jobs.scheduledOn,
      dueOn: jobs.dueOn,
      priority: jobs.priority,
      requiredAccreditations: jobs.requiredAccreditations,
      organizationName: organizations.name,
    })
    .from(jobs)
    .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
    .where(and(eq(jobs.id, id), scopes.jobs(technician)));
  if (!job) throw notFound('This job');
  const [documents, tasks, crew] = await readTogether(
    db,
    () =>
      db
        .select({ id: files.id, name: files.name, mime: files.mime, size: files.size })
        .from(jobDocuments)
        .innerJoin(files, eq(files.id, jobDocuments.fileId))
        .where(and(eq(jobDocuments.jobId, id), scopes.jobDocuments(technician)))
        .orderBy(asc(jobDocuments.createdAt), asc(jobDocuments.id)),
    () =>
      db
        .select({ id: jobTasks.id, position: jobTasks.position, title: jobTasks.title, photos: jobTasks.photos, result: jobTasks.result })
        .from(jobTasks)
        .where(and(eq(jobTasks.jobId, id), scopes.jobTasks(technician)))
        .orderBy(asc(jobTasks.position)),
    () =>
      db
        .select({ name: sql<string>`coalesce(${technicians.name}, ${users.name})` })
        .from(jobTechnicians)
        .innerJoin(technicians, eq(technicians.id, jobTechnicians.technicianId))
        .innerJoin(users, eq(users.id, technicians.userId))
        .where(and(eq(jobTechnicians.jobId, id), scopes.jobTechnicians(technician)))
        .orderBy(asc(users.name)),
  );
  return {
    ...job,
    requiredAccreditations: job.requiredAccreditations as AccreditationType[],
    documents,
    tasks,
    technicians: crew.map((c) => c.name),
  };
}
