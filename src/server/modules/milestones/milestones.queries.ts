import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { approvedMilestoneStatuses, type MilestoneStatus, pendingMilestoneStatuses } from '../../../shared/domain/milestone.machine.ts';
import type { milestoneListQuerySchema } from '../../../shared/schemas/milestone.schema.ts';
import { isCalendarDate } from '../../../shared/schemas/money.schema.ts';
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
  submissionFiles,
  users,
} from '../../db/schema/index.ts';
import { badField, notFound } from '../../lib/errors.ts';
import { presentFile } from '../files/files.service.ts';
import { findPaymentIdsByMilestone } from '../payments/payments.service.ts';
import { presentMilestone, presentSubmission } from './milestones.presenter.ts';

/** The organization's date at `now` (in its time zone): what "overdue" is counted against, per row. */
function organizationTodaySql(now: Date): SQL {
  return sql`(${now.toISOString()}::timestamptz at time zone ${organizations.timeZone})::date`;
}

const latestChangeReason = sql<string | null>`(
  select ${milestoneSubmissions.reviewNote} from ${milestoneSubmissions}
  where ${milestoneSubmissions.milestoneId} = ${milestones.id} and ${milestoneSubmissions.reviewOutcome} = 'changes_requested'
  order by ${milestoneSubmissions.version} desc limit 1)`;

async function readMilestones(db: Executor, actor: Actor, where: SQL | undefined, order: SQL[], limit: number, now: Date) {
  const rows = await db
    .select({
      milestone: milestones,
      contractTitle: contracts.title,
      contractStatus: contracts.status,
      organizationName: organizations.name,
      organizationTimeZone: organizations.timeZone,
      contractorName: contractors.name,
      changesRequestedReason: latestChangeReason,
    })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .innerJoin(organizations, eq(organizations.id, milestones.organizationId))
    .innerJoin(contractors, eq(contractors.id, milestones.contractorId))
    .where(and(scopes.milestones(actor), where))
    .orderBy(...order)
    .limit(limit);
  const paymentIds = await findPaymentIdsByMilestone(
    db,
    rows.filter((r) => approvedMilestoneStatuses.includes(r.milestone.status)).map((r) => r.milestone.id),
  );
  return rows.map((row) => presentMilestone(actor, row, paymentIds.get(row.milestone.id) ?? null, now));
}

/** Cursor = the last row's due date and id, for keyset pagination in due-date order. */
function decodeCursor(cursor: string | undefined): { dueDate: string; id: string } | null {
  if (!cursor) return null;
  const [dueDate, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!dueDate || !id || !isCalendarDate(dueDate) || id.length > 64) throw badField('cursor', 'This cursor is not valid; start from the first page.');
  return { dueDate, id };
}

/**
 * The lists: Pending (open, submitted, changes requested) and Approved (approved, paid), for the
 * company across its contractors or for a contractor across its organizations, by due date.
 */
export async function listMilestones(db: Db, ctx: RequestContext, query: z.infer<typeof milestoneListQuerySchema>, now = new Date()) {
  const statuses: readonly MilestoneStatus[] | undefined =
    query.view === 'pending' ? pendingMilestoneStatuses : query.view === 'approved' ? approvedMilestoneStatuses : undefined;
  const cursor = decodeCursor(query.cursor);
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
    cursor ? or(gt(milestones.dueDate, cursor.dueDate), and(eq(milestones.dueDate, cursor.dueDate), gt(milestones.id, cursor.id))) : undefined,
  );
  const rows = await readMilestones(db, ctx.actor, where, [asc(milestones.dueDate), asc(milestones.id)], query.limit + 1, now);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > query.limit && last ? Buffer.from(`${last.dueDate}|${last.id}`).toString('base64url') : null,
  };
}

export async function getMilestone(db: Executor, ctx: RequestContext, id: string, now = new Date()) {
  const [milestone] = await readMilestones(db, ctx.actor, eq(milestones.id, id), [asc(milestones.id)], 1, now);
  if (!milestone) throw notFound('This milestone');
  const children = scoped(db, ctx.actor);
  const [attachments, submissions] = await Promise.all([
    db
      .select({ file: files })
      .from(milestoneAttachments)
      .innerJoin(files, eq(files.id, milestoneAttachments.fileId))
      .where(children.childrenOf(milestoneAttachments, milestoneAttachments.milestoneId, id))
      .orderBy(asc(milestoneAttachments.createdAt)),
    listSubmissions(db, ctx.actor, id),
  ]);
  return { ...milestone, attachments: attachments.map((a) => presentFile(a.file)), submissions };
}

async function listSubmissions(db: Executor, actor: Actor, milestoneId: string) {
  const children = scoped(db, actor);
  const submitter = sql<string | null>`(select name from ${users} where ${users.id} = ${milestoneSubmissions.submittedByUserId})`;
  const reviewer = sql<string | null>`(select name from ${users} where ${users.id} = ${milestoneSubmissions.reviewedByUserId})`;
  const rows = await db
    .select({ submission: milestoneSubmissions, submittedByName: submitter, reviewedByName: reviewer })
    .from(milestoneSubmissions)
    .where(children.childrenOf(milestoneSubmissions, milestoneSubmissions.milestoneId, milestoneId))
    .orderBy(desc(milestoneSubmissions.version));
  const ids = rows.map((r) => r.submission.id);
  const attached =
    ids.length === 0
      ? []
      : await db
          .select({ submissionId: submissionFiles.submissionId, file: files })
          .from(submissionFiles)
          .innerJoin(files, eq(files.id, submissionFiles.fileId))
          .where(children.childrenOf(submissionFiles, submissionFiles.submissionId, ids));
  return rows.map((row) => presentSubmission(row, attached));
}
