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
import { preparedRead } from '../../db/prepared.ts';
import { readTogether } from '../../db/transaction.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfterValues, keysetOrder, keysetValues, pageFrom } from '../../lib/pagination.ts';
import { presentFile } from '../files/files.service.ts';
import { presentMilestone, presentSubmission } from './milestones.presenter.ts';

/** The organization's date at `now` (in its time zone): what "overdue" is counted against, per row. */
function organizationTodaySql(now: string): SQL {
  return sql`(${now}::timestamptz at time zone ${organizations.timeZone})::date`;
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

/** Due date first (then id), the order of the list indexes (… , due_date, id). */
const milestoneKeyset: Keyset = { columns: [milestones.dueDate, milestones.id], direction: 'asc' };

/** One milestone by id, or a page of a list: its view (a switch), filters and cursor (values). */
type MilestoneRead = {
  id?: string;
  pending?: boolean;
  approved?: boolean;
  status?: MilestoneStatus;
  contractorId?: string;
  contractId?: string;
  dueFrom?: string;
  dueTo?: string;
  /** Pending and due before the organization's date at this time (ISO). */
  overdueAt?: string;
  afterDueDate?: string;
  afterId?: string;
  limit: number;
};

/** The milestones with their contract's and parties' names: one prepared statement per shape (src/server/db/prepared.ts). */
const selectMilestones = preparedRead((db: Executor, actor: Actor, v: MilestoneRead) =>
  db
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
    .where(
      and(
        scopes.milestones(actor),
        v.id ? eq(milestones.id, v.id) : undefined,
        v.pending ? inArray(milestones.status, [...pendingMilestoneStatuses]) : undefined,
        v.approved ? inArray(milestones.status, [...approvedMilestoneStatuses]) : undefined,
        v.status ? eq(milestones.status, v.status) : undefined,
        v.contractorId ? eq(milestones.contractorId, v.contractorId) : undefined,
        v.contractId ? eq(milestones.contractId, v.contractId) : undefined,
        v.dueFrom ? gte(milestones.dueDate, v.dueFrom) : undefined,
        v.dueTo ? lte(milestones.dueDate, v.dueTo) : undefined,
        v.overdueAt
          ? and(inArray(milestones.status, [...pendingMilestoneStatuses]), lt(milestones.dueDate, organizationTodaySql(v.overdueAt)))
          : undefined,
        v.afterDueDate ? keysetAfterValues(milestoneKeyset, [v.afterDueDate, v.afterId]) : undefined,
      ),
    )
    .orderBy(...(v.id ? [asc(milestones.id)] : keysetOrder(milestoneKeyset)))
    .limit(v.limit),
);

async function readMilestones(db: Executor, actor: Actor, read: MilestoneRead, now: Date) {
  const rows = await selectMilestones(db, actor, read);
  return rows.map((row) =>
    presentMilestone(actor, row, approvedMilestoneStatuses.includes(row.milestone.status) ? row.paymentId : null, now),
  );
}

/**
 * The lists: Pending (open, submitted, changes requested) and Approved (approved, paid), for the
 * company across its contractors or for a contractor across its organizations, by due date.
 */
export async function listMilestones(db: Db, ctx: RequestContext, query: z.infer<typeof milestoneListQuerySchema>, now = new Date()) {
  const [afterDueDate, afterId] = keysetValues(milestoneKeyset, query.cursor);
  const rows = await readMilestones(
    db,
    ctx.actor,
    {
      pending: query.view === 'pending',
      approved: query.view === 'approved',
      status: query.status,
      contractorId: query.contractorId,
      contractId: query.contractId,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
      overdueAt: query.overdue === 'true' ? now.toISOString() : undefined,
      afterDueDate,
      afterId,
      limit: query.limit + 1,
    },
    now,
  );
  // A date and an id are exact in JavaScript, so the key is built from the row itself.
  return pageFrom(rows, query.limit, (row) => ({ dueDate: row.dueDate, id: row.id }));
}

export async function getMilestone(db: Executor, ctx: RequestContext, id: string, now = new Date()) {
  const [milestone] = await readMilestones(db, ctx.actor, { id, limit: 1 }, now);
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
  const [milestone] = await readMilestones(db, ctx.actor, { id, limit: 1 }, new Date());
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
