import { and, asc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { jobListQuerySchema } from '../../../shared/schemas/job.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { jobRoleAbilities } from '../../access/policies.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import {
  contractors,
  files,
  jobDocuments,
  jobs,
  jobTasks,
  jobTechnicians,
  organizations,
  statusChanges,
  technicians,
  users,
} from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, pageFrom } from '../../lib/pagination.ts';
import { presentDocument, presentJob, presentTask } from './jobs.presenter.ts';
import { containsPattern } from '../../lib/like.pattern.ts';

/** The keysets of the company's list (and the contractor's simple list): due date ↑, or newest first. */
export const jobKeysets = {
  due: { columns: [jobs.dueOn, jobs.id], direction: 'asc' },
  created: { columns: [jobs.createdAt, jobs.id], direction: 'desc' },
} satisfies Record<string, Keyset>;

/** Text search over the fields the desk view and the company list search: site, address, PO number, description. */
export function jobTextSearch(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const pattern = containsPattern(q);
  return or(
    ilike(jobs.siteName, pattern),
    ilike(jobs.siteAddress, pattern),
    ilike(jobs.poNumber, pattern),
    ilike(jobs.description, pattern),
  );
}

/** The jobs the actor sees, with their organization and contractor names, in one statement. */
export async function readJobs(db: Executor, actor: Actor, where: SQL | undefined, order: SQL[], limit: number, keyset?: Keyset) {
  const rows = await db
    .select({
      job: jobs,
      organizationName: organizations.name,
      organizationTimeZone: organizations.timeZone,
      contractorName: contractors.name,
      key: keysetKey(keyset ?? jobKeysets.due),
    })
    .from(jobs)
    .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
    .innerJoin(contractors, eq(contractors.id, jobs.contractorId))
    .where(and(scopes.jobs(actor), where))
    .orderBy(...order)
    .limit(limit);
  return rows;
}

/** Where a list query narrows the jobs (the filters every list shares). */
export function jobListFilters(query: Pick<z.infer<typeof jobListQuerySchema>, 'status' | 'engagementId' | 'dueFrom' | 'dueTo' | 'q'>) {
  return and(
    query.status ? eq(jobs.status, query.status) : undefined,
    query.engagementId ? eq(jobs.engagementId, query.engagementId) : undefined,
    query.dueFrom ? gte(jobs.dueOn, query.dueFrom) : undefined,
    query.dueTo ? lte(jobs.dueOn, query.dueTo) : undefined,
    jobTextSearch(query.q),
  );
}

/** The jobs list: the company's (its organization's), a contractor's (every organization), a technician's (assigned to them). */
export async function listJobs(db: Executor, ctx: RequestContext, query: z.infer<typeof jobListQuerySchema>, now = new Date()) {
  const keyset = jobKeysets[query.sort];
  const where = and(jobListFilters(query), keysetAfter(keyset, query.cursor));
  const rows = await readJobs(db, ctx.actor, where, keysetOrder(keyset), query.limit + 1, keyset);
  const page = pageFrom(rows, query.limit, (r) => r.key);
  return {
    items: page.items.map((r) => presentJob(ctx.actor, r, now)),
    nextCursor: page.nextCursor,
    abilities: jobRoleAbilities(ctx.actor),
  };
}

/** One job with its tasks, documents, technicians and history of status changes. */
export async function getJob(db: Executor, ctx: RequestContext, id: string, now = new Date()) {
  const [row] = await readJobs(db, ctx.actor, eq(jobs.id, id), [asc(jobs.id)], 1);
  if (!row) throw notFound('This job');
  const actor = ctx.actor;
  const [tasks, documents, crew, history] = await readTogether(
    db,
    () =>
      db
        .select()
        .from(jobTasks)
        .where(and(eq(jobTasks.jobId, id), scopes.jobTasks(actor)))
        .orderBy(asc(jobTasks.position)),
    () =>
      db
        .select({ document: jobDocuments, file: files })
        .from(jobDocuments)
        .innerJoin(files, eq(files.id, jobDocuments.fileId))
        .where(and(eq(jobDocuments.jobId, id), scopes.jobDocuments(actor)))
        .orderBy(asc(jobDocuments.createdAt), asc(jobDocuments.id)),
    () =>
      db
        .select({ id: technicians.id, name: users.name, flagOverrideConfirmed: jobTechnicians.flagOverrideConfirmed })
        .from(jobTechnicians)
        .innerJoin(technicians, eq(technicians.id, jobTechnicians.technicianId))
        .innerJoin(users, eq(users.id, technicians.userId))
        .where(and(eq(jobTechnicians.jobId, id), scopes.jobTechnicians(actor)))
        .orderBy(asc(users.name)),
    // The job is visible (read above): its history is the status changes recorded with its transitions. The
    // contractor's side sees the changes made while the job was its own (a job reassigned after a rejection
    // shows the new contractor nothing of the one before).
    () =>
      db
        .select({ change: statusChanges, actorName: users.name })
        .from(statusChanges)
        .leftJoin(users, eq(users.id, statusChanges.actorUserId))
        .where(
          and(
            eq(statusChanges.entityType, 'job'),
            eq(statusChanges.entityId, id),
            eq(statusChanges.organizationId, row.job.organizationId),
            actor.kind === 'staff' ? undefined : eq(statusChanges.contractorId, row.job.contractorId),
          ),
        )
        .orderBy(asc(statusChanges.createdAt), asc(statusChanges.id)),
  );
  return {
    ...presentJob(actor, row, now),
    tasks: tasks.map(presentTask),
    documents: documents.map(presentDocument),
    technicians: crew,
    history: history.map((h) => ({
      event: h.change.event,
      fromStatus: h.change.fromStatus,
      toStatus: h.change.toStatus,
      // Staff reasons (cancel, send back) are for the contractor too; nothing staff-only is stored on a job's history.
      note: h.change.note,
      actorName: h.actorName,
      at: h.change.createdAt.toISOString(),
    })),
  };
}
