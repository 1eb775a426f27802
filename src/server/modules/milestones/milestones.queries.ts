import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { approvedMilestoneStatuses, type MilestoneStatus, pendingMilestoneStatuses } from '../../../shared/domain/milestone.machine.ts';
import type { milestoneListQuerySchema } from '../../../shared/schemas/milestone.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import {
  contractors,
  contracts,
  files,
  milestoneAttachments,
  milestoneSubmissions,
  milestones,
  organizations,
  payments,
  submissionFiles,
  users,
} from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfter, keysetOrder, pageFrom } from '../../lib/pagination.ts';
import { presentFile } from '../files/files.service.ts';
import { presentMilestone, presentSubmission } from './milestones.presenter.ts';

/** The organization's date at `now` (in its time zone): what "overdue" is counted against, per row. */
function organizationTodaySql(now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone ${organizations.timeZone})::date`;
}

/**
 * The note of the last review that asked for changes, looked up only for a milestone in that
 * status (the only one that shows it): a list of 50 pending milestones does not run 50 lookups
 * for nothing (each costs ~10 µs of the embedded database).
 */
const latestChangeReason = sql<string | null>`case when ${milestones.status} = 'changes_requested' then (
  select ${milestoneSubmissions.reviewNote} from ${milestoneSubmissions}
  where ${milestoneSubmissions.milestoneId} = ${milestones.id} and ${milestoneSubmissions.reviewOutcome} = 'changes_requested'
  order by ${milestoneSubmissions.version} desc limit 1) end`;

/** The payment of an approved milestone (one at most: unique on milestone_id), looked up only for an approved or paid one. */
const paymentOfMilestone = sql<string | null>`case when ${inArray(milestones.status, [...approvedMilestoneStatuses])}
  then (select ${payments.id} from ${payments} where ${payments.milestoneId} = ${milestones.id}) end`;

async function readMilestones(db: Executor, actor: Actor, where: SQL | undefined, order: SQL[], limit: number, now: Date) {
  const rows = await db
    .select({
      milestone: milestones,
      contractTitle: contracts.title,
      contractStatus: contracts.status,
      engagementId: contracts.engagementId,
      organizationName: organizations.name,
      organizationTimeZone: organizations.timeZone,
      contractorName: contractors.name,
      changesRequestedReason: latestChangeReason,
      paymentId: paymentOfMilestone,
    })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .innerJoin(organizations, eq(organizations.id, milestones.organizationId))
    .innerJoin(contractors, eq(contractors.id, milestones.contractorId))
    .where(and(scopes.milestones(actor), where))
    .orderBy(...order)
    .limit(limit);
  return rows.map((row) =>
    presentMilestone(actor, row, approvedMilestoneStatuses.includes(row.milestone.status) ? row.paymentId : null, now),
  );
}

/** Due date first (then id), the order of the list indexes (… , due_date, id). */
const milestoneKeyset: Keyset = { columns: [milestones.dueDate, milestones.id], direction: 'asc' };

/**
 * The lists: Pending (open, submitted, changes requested) and Approved (approved, paid), for the
 * company across its contractors or for a contractor across its organizations, by due date.
 */
export async function listMilestones(db: Db, ctx: RequestContext, query: z.infer<typeof milestoneListQuerySchema>, now = new Date()) {
  const statuses: readonly MilestoneStatus[] | undefined =
    query.view === 'pending' ? pendingMilestoneStatuses : query.view === 'approved' ? approvedMilestoneStatuses : undefined;
  const where = and(
    statuses ? inArray(milestones.status, [...statuses]) : undefined,
    query.status ? eq(milestones.status, query.status) : undefined,
    query.contractorId ? eq(milestones.contractorId, query.contractorId) : undefined,
    query.contractId ? eq(milestones.contractId, query.contractId) : undefined,
    query.dueFrom ? gte(milestones.dueDate, query.dueFrom) : undefined,
    query.dueTo ? lte(milestones.dueDate, query.dueTo) : undefined,
    query.overdue === 'true'
      ? and(inArray(milestones.status, [...pendingMilestoneStatuses]), lt(milestones.dueDate, organizationTodaySql(now)))
      : undefined,
    keysetAfter(milestoneKeyset, query.cursor),
  );
  const rows = await readMilestones(db, ctx.actor, where, keysetOrder(milestoneKeyset), query.limit + 1, now);
  // A date and an id are exact in JavaScript, so the key is built from the row itself.
  return pageFrom(rows, query.limit, (row) => JSON.stringify([row.dueDate, row.id]));
}

export async function getMilestone(db: Executor, ctx: RequestContext, id: string, now = new Date()) {
  const [milestone] = await readMilestones(db, ctx.actor, eq(milestones.id, id), [asc(milestones.id)], 1, now);
  if (!milestone) throw notFound('This milestone');
  const [files, submissions] = await readTogether(
    db,
    () => listFiles(db, ctx.actor, id),
    () => listSubmissions(db, ctx.actor, id),
  );
  return {
    ...milestone,
    attachments: files.filter((f) => f.submissionId === null).map((a) => presentFile(a.file)),
    submissions: submissions.map((row) => presentSubmission(row, files)),
  };
}

/**
 * A milestone just created, with the attachments it was created with: it has no submission and
 * no payment yet, so its one read is the row with its names.
 */
export async function getNewMilestone(db: Executor, ctx: RequestContext, id: string, attached: Array<typeof files.$inferSelect>) {
  const [milestone] = await readMilestones(db, ctx.actor, eq(milestones.id, id), [asc(milestones.id)], 1, new Date());
  if (!milestone) throw notFound('This milestone');
  return { ...milestone, attachments: attached.map(presentFile), submissions: [] };
}

/** The milestone's attachments (submissionId null, oldest first) and its submissions' files, in one statement. */
async function listFiles(db: Executor, actor: Actor, milestoneId: string) {
  const children = scoped(db, actor);
  const attachments = db
    .select({ submissionId: sql<string | null>`null::text`, at: milestoneAttachments.createdAt, file: files })
    .from(milestoneAttachments)
    .innerJoin(files, eq(files.id, milestoneAttachments.fileId))
    .where(children.childrenOf(milestoneAttachments, milestoneAttachments.milestoneId, milestoneId));
  const submitted = db
    .select({ submissionId: submissionFiles.submissionId, at: files.createdAt, file: files })
    .from(submissionFiles)
    .innerJoin(milestoneSubmissions, eq(milestoneSubmissions.id, submissionFiles.submissionId))
    .innerJoin(files, eq(files.id, submissionFiles.fileId))
    .where(children.childrenOf(submissionFiles, milestoneSubmissions.milestoneId, milestoneId));
  const rows = await unionAll(attachments, submitted);
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function listSubmissions(db: Executor, actor: Actor, milestoneId: string) {
  const children = scoped(db, actor);
  const submitter = sql<string | null>`(select name from ${users} where ${users.id} = ${milestoneSubmissions.submittedByUserId})`;
  const reviewer = sql<string | null>`(select name from ${users} where ${users.id} = ${milestoneSubmissions.reviewedByUserId})`;
  return db
    .select({ submission: milestoneSubmissions, submittedByName: submitter, reviewedByName: reviewer })
    .from(milestoneSubmissions)
    .where(children.childrenOf(milestoneSubmissions, milestoneSubmissions.milestoneId, milestoneId))
    .orderBy(desc(milestoneSubmissions.version));
}
