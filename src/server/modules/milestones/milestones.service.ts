import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  approvedMilestoneStatuses,
  isMilestoneFrozen,
  type MilestoneEvent,
  milestoneMachine,
  type MilestoneStatus,
  pendingMilestoneStatuses,
} from '../../../shared/domain/milestone.machine.ts';
import type {
  createMilestoneSchema,
  milestoneListQuerySchema,
  submitMilestoneSchema,
  updateMilestoneSchema,
} from '../../../shared/schemas/milestone.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { assertAllowed, contractAbilities, milestoneAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import { applyTransition, type TransitionActor, transitionActorOf } from '../../access/transition.ts';
import type { Db, Executor, Tx } from '../../db/client.ts';
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
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, notFound } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { type Keyset, keysetAfter, keysetOrder, pageFrom } from '../../lib/pagination.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { presentFile, readAttachableFile } from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { listContractorMemberUserIds, listReviewerUserIds } from '../organizations/organizations.service.ts';
import { createDraftPaymentForMilestone, findPaymentIdsByMilestone, markMilestonePaymentSent } from '../payments/payments.service.ts';

type MilestoneRow = typeof milestones.$inferSelect;

/** Today as YYYY-MM-DD in UTC: a milestone is overdue the day after its due date. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function isOverdue(row: { status: string; dueDate: string }, now = new Date()): boolean {
  return (row.status === 'open' || row.status === 'changes_requested' || row.status === 'submitted') && row.dueDate < today(now);
}

const latestChangeReason = sql<string | null>`(
  select ${milestoneSubmissions.reviewNote} from ${milestoneSubmissions}
  where ${milestoneSubmissions.milestoneId} = ${milestones.id} and ${milestoneSubmissions.reviewOutcome} = 'changes_requested'
  order by ${milestoneSubmissions.version} desc limit 1)`;

async function readMilestones(db: Executor, actor: Actor, where: SQL | undefined, order: SQL[], limit: number) {
  const rows = await db
    .select({
      milestone: milestones,
      contractTitle: contracts.title,
      contractStatus: contracts.status,
      organizationName: organizations.name,
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
    rows.filter((r) => r.milestone.status === 'approved' || r.milestone.status === 'paid').map((r) => r.milestone.id),
  );
  return rows.map(({ milestone: m, contractTitle, contractStatus, organizationName, contractorName, changesRequestedReason }) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    dueDate: m.dueDate,
    amountMinor: m.amountMinor,
    currency: m.currency,
    status: m.status,
    overdue: isOverdue(m),
    contract: { id: m.contractId, title: contractTitle, status: contractStatus },
    organization: { id: m.organizationId, name: organizationName },
    contractor: { id: m.contractorId, name: contractorName },
    submittedAt: m.submittedAt?.toISOString() ?? null,
    approvedAt: m.approvedAt?.toISOString() ?? null,
    changesRequestedReason: m.status === 'changes_requested' ? changesRequestedReason : null,
    paymentId: paymentIds.get(m.id) ?? null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    abilities: milestoneAbilities(actor, m, contractStatus),
  }));
}

/** Due date first (then id), the order of the list indexes (… , due_date, id). */
const milestoneKeyset: Keyset = { columns: [milestones.dueDate, milestones.id], direction: 'asc' };

/**
 * The lists: Pending (open, submitted, changes requested) and Approved (approved, paid), for the
 * company across its contractors or for a contractor across its organizations, by due date.
 */
export async function listMilestones(db: Db, ctx: RequestContext, query: z.infer<typeof milestoneListQuerySchema>) {
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
      ? and(inArray(milestones.status, [...pendingMilestoneStatuses]), lt(milestones.dueDate, today()))
      : undefined,
    keysetAfter(milestoneKeyset, query.cursor),
  );
  const rows = await readMilestones(db, ctx.actor, where, keysetOrder(milestoneKeyset), query.limit + 1);
  // A date and an id are exact in JavaScript, so the key is built from the row itself.
  return pageFrom(rows, query.limit, (row) => JSON.stringify([row.dueDate, row.id]));
}

export async function getMilestone(db: Executor, ctx: RequestContext, id: string) {
  const [milestone] = await readMilestones(db, ctx.actor, eq(milestones.id, id), [asc(milestones.id)], 1);
  if (!milestone) throw notFound('This milestone');
  const [attachments, submissions] = await Promise.all([
    db
      .select({ file: files })
      .from(milestoneAttachments)
      .innerJoin(files, eq(files.id, milestoneAttachments.fileId))
      .where(eq(milestoneAttachments.milestoneId, id))
      .orderBy(asc(milestoneAttachments.createdAt)),
    listSubmissions(db, id),
  ]);
  return { ...milestone, attachments: attachments.map((a) => presentFile(a.file)), submissions };
}

async function listSubmissions(db: Executor, milestoneId: string) {
  const submitter = sql<string | null>`(select name from ${users} where ${users.id} = ${milestoneSubmissions.submittedByUserId})`;
  const reviewer = sql<string | null>`(select name from ${users} where ${users.id} = ${milestoneSubmissions.reviewedByUserId})`;
  const rows = await db
    .select({ submission: milestoneSubmissions, submittedByName: submitter, reviewedByName: reviewer })
    .from(milestoneSubmissions)
    .where(eq(milestoneSubmissions.milestoneId, milestoneId))
    .orderBy(desc(milestoneSubmissions.version));
  const ids = rows.map((r) => r.submission.id);
  const attached =
    ids.length === 0
      ? []
      : await db
          .select({ submissionId: submissionFiles.submissionId, file: files })
          .from(submissionFiles)
          .innerJoin(files, eq(files.id, submissionFiles.fileId))
          .where(inArray(submissionFiles.submissionId, ids));
  return rows.map(({ submission: s, submittedByName, reviewedByName }) => ({
    id: s.id,
    version: s.version,
    note: s.note,
    links: s.links,
    files: attached.filter((a) => a.submissionId === s.id).map((a) => presentFile(a.file)),
    submittedByName,
    createdAt: s.createdAt.toISOString(),
    review:
      s.reviewOutcome && s.reviewedAt
        ? { outcome: s.reviewOutcome, note: s.reviewNote, reviewedByName, reviewedAt: s.reviewedAt.toISOString() }
        : null,
  }));
}

type ContractRow = typeof contracts.$inferSelect;

function checkDueDate(contract: ContractRow, dueDate: string): void {
  if (dueDate < contract.startDate) throw badField('dueDate', `The due date is before the contract starts (${contract.startDate}).`);
  if (contract.endDate && dueDate > contract.endDate) throw badField('dueDate', `The due date is after the contract ends (${contract.endDate}).`);
}

function checkCurrency(contract: ContractRow, currency: string): void {
  if (currency !== contract.currency) throw badField('currency', `Milestones of this contract are paid in ${contract.currency}.`);
}

async function tellContractor(tx: Tx, row: MilestoneRow, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: await listContractorMemberUserIds(tx, row.contractorId),
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    type,
    title,
    body,
    link: `/portal/milestones/${row.id}`,
  });
}

export async function createMilestone(db: Db, ctx: RequestContext, contractId: string, input: z.infer<typeof createMilestoneSchema>) {
  const id = await runInTransaction(db, async (tx) => {
    const contract = await scoped(tx, ctx.actor).contracts.get(contractId, 'This contract');
    assertAllowed(contractAbilities(ctx.actor, contract), 'addMilestone');
    checkDueDate(contract, input.dueDate);
    checkCurrency(contract, input.currency);
    const fileRows = [];
    for (const fileId of new Set(input.fileIds)) fileRows.push(await readAttachableFile(tx, ctx.actor, fileId, contract));
    const milestoneId = createId();
    const [row] = await tx
      .insert(milestones)
      .values({
        id: milestoneId,
        organizationId: contract.organizationId,
        contractorId: contract.contractorId,
        contractId,
        title: input.title,
        description: input.description,
        dueDate: input.dueDate,
        amountMinor: input.amountMinor,
        currency: input.currency,
        status: 'open',
        createdByUserId: ctx.user.id,
      })
      .returning();
    if (fileRows.length > 0)
      await tx.insert(milestoneAttachments).values(
        fileRows.map((f) => ({ id: createId(), milestoneId, organizationId: contract.organizationId, contractorId: contract.contractorId, fileId: f.id })),
      );
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: contract.organizationId,
      contractorId: contract.contractorId,
      action: 'milestone.created',
      entityType: 'milestone',
      entityId: milestoneId,
      after: { title: input.title, dueDate: input.dueDate, amountMinor: input.amountMinor, currency: input.currency, contractId },
      ip: ctx.ip,
    });
    if (contract.status === 'active')
      await tellContractor(tx, row!, 'milestone.added', `New milestone: ${input.title}`, `Due ${input.dueDate} on "${contract.title}".`);
    return milestoneId;
  });
  return getMilestone(db, ctx, id);
}

export async function updateMilestone(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof updateMilestoneSchema>) {
  await runInTransaction(db, async (tx) => {
    const [current] = await tx.select().from(milestones).where(and(eq(milestones.id, id), scopes.milestones(ctx.actor))).for('update');
    if (!current) throw notFound('This milestone');
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, current.contractId));
    const abilities = milestoneAbilities(ctx.actor, current, contract!.status);
    assertAllowed(abilities, 'edit');
    const touchesFrozen =
      (input.amountMinor !== undefined && input.amountMinor !== current.amountMinor) ||
      (input.dueDate !== undefined && input.dueDate !== current.dueDate) ||
      (input.currency !== undefined && input.currency !== current.currency);
    if (touchesFrozen && isMilestoneFrozen(current.status))
      throw new AppError('CONFLICT', `This milestone is ${current.status}: its amount and due date are frozen.`, { currentStatus: current.status });
    if (input.dueDate) checkDueDate(contract!, input.dueDate);
    if (input.currency) checkCurrency(contract!, input.currency);
    const changed = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => value !== undefined && value !== current[key as keyof MilestoneRow]),
    );
    if (Object.keys(changed).length === 0) return;
    const [updated] = await tx.update(milestones).set({ ...changed, updatedAt: new Date() }).where(eq(milestones.id, id)).returning();
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      contractorId: current.contractorId,
      action: 'milestone.updated',
      entityType: 'milestone',
      entityId: id,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, current[k as keyof MilestoneRow]])),
      after: changed,
      ip: ctx.ip,
    });
    const what = Object.keys(changed).map((k) => ({ title: 'title', description: 'description', dueDate: 'due date', amountMinor: 'amount', currency: 'currency' })[k] ?? k);
    await tellContractor(tx, updated!, 'milestone.edited', `Milestone changed: ${updated!.title}`, `Changed: ${what.join(', ')}.`);
  });
  return getMilestone(db, ctx, id);
}

export async function deleteMilestone(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await runInTransaction(db, async (tx) => {
    const [current] = await tx.select().from(milestones).where(and(eq(milestones.id, id), scopes.milestones(ctx.actor))).for('update');
    if (!current) throw notFound('This milestone');
    const [contract] = await tx.select({ status: contracts.status }).from(contracts).where(eq(contracts.id, current.contractId));
    assertAllowed(milestoneAbilities(ctx.actor, { status: 'open' }, contract!.status), 'delete');
    if (isMilestoneFrozen(current.status))
      throw new AppError('CONFLICT', `This milestone is ${current.status}; an approved or paid milestone cannot be deleted, because its payment refers to it.`, {
        currentStatus: current.status,
      });
    await tx.delete(milestones).where(eq(milestones.id, id));
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      contractorId: current.contractorId,
      action: 'milestone.deleted',
      entityType: 'milestone',
      entityId: id,
      before: { title: current.title, status: current.status, dueDate: current.dueDate, amountMinor: current.amountMinor, currency: current.currency },
      ip: ctx.ip,
    });
    await tellContractor(tx, current, 'milestone.deleted', `Milestone removed: ${current.title}`, 'It no longer needs delivering.');
  });
}

export async function addMilestoneAttachment(db: Db, ctx: RequestContext, id: string, fileId: string) {
  await runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).milestones.get(id, 'This milestone');
    assertAllowed(milestoneAbilities(ctx.actor, row, 'active'), 'manageAttachments');
    await readAttachableFile(tx, ctx.actor, fileId, row);
    const [added] = await tx
      .insert(milestoneAttachments)
      .values({ id: createId(), milestoneId: id, organizationId: row.organizationId, contractorId: row.contractorId, fileId })
      .onConflictDoNothing()
      .returning();
    if (added)
      await recordAudit(tx, {
        actorUserId: ctx.user.id,
        organizationId: row.organizationId,
        contractorId: row.contractorId,
        action: 'milestone.attachment_added',
        entityType: 'milestone',
        entityId: id,
        after: { fileId },
        ip: ctx.ip,
      });
  });
  return getMilestone(db, ctx, id);
}

export async function removeMilestoneAttachment(db: Db, ctx: RequestContext, id: string, fileId: string) {
  await runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).milestones.get(id, 'This milestone');
    assertAllowed(milestoneAbilities(ctx.actor, row, 'active'), 'manageAttachments');
    const removed = await tx
      .delete(milestoneAttachments)
      .where(and(eq(milestoneAttachments.milestoneId, id), eq(milestoneAttachments.fileId, fileId)))
      .returning();
    if (removed.length === 0) throw notFound('This attachment');
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      action: 'milestone.attachment_removed',
      entityType: 'milestone',
      entityId: id,
      before: { fileId },
      ip: ctx.ip,
    });
  });
  return getMilestone(db, ctx, id);
}

/** "Ready for review": a new submission version and the submit event, together. */
export async function submitMilestone(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof submitMilestoneSchema>) {
  await runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).milestones.get(id, 'This milestone');
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, row.contractId));
    if (ctx.actor.kind === 'contractor' && contract!.status !== 'active')
      throw new AppError('CONFLICT', `The contract is ${contract!.status}; work can be submitted only on an active contract.`);
    const fileRows = [];
    for (const fileId of new Set(input.fileIds)) fileRows.push(await readAttachableFile(tx, ctx.actor, fileId, row));
    const updated = await applyTransition(tx, {
      table: milestones,
      machine: milestoneMachine,
      event: 'submit',
      id,
      scope: scopes.milestones(ctx.actor),
      actor: transitionActorOf(ctx.actor, ctx.ip),
      entityType: 'milestone',
      what: 'This milestone',
      set: { submittedAt: new Date(), reminderSentAt: null },
      note: input.note || null,
    });
    const [last] = await tx
      .select({ version: milestoneSubmissions.version })
      .from(milestoneSubmissions)
      .where(eq(milestoneSubmissions.milestoneId, id))
      .orderBy(desc(milestoneSubmissions.version))
      .limit(1);
    const submissionId = createId();
    const version = (last?.version ?? 0) + 1;
    await tx.insert(milestoneSubmissions).values({
      id: submissionId,
      milestoneId: id,
      organizationId: row.organizationId,
      contractorId: row.contractorId,
      version,
      note: input.note,
      links: input.links,
      submittedByUserId: ctx.user.id,
    });
    if (fileRows.length > 0)
      await tx.insert(submissionFiles).values(
        fileRows.map((f) => ({ id: createId(), submissionId, organizationId: row.organizationId, contractorId: row.contractorId, fileId: f.id })),
      );
    const [contractor] = await tx.select({ name: contractors.name }).from(contractors).where(eq(contractors.id, row.contractorId));
    await notify(tx, {
      userIds: await listReviewerUserIds(tx, row.organizationId),
      organizationId: row.organizationId,
      contractorId: null,
      type: 'milestone.submitted',
      title: `Ready for review: ${updated.title}`,
      body: `${contractor?.name} submitted version ${version}${fileRows.length ? ` with ${fileRows.length} file${fileRows.length > 1 ? 's' : ''}` : ''}.`,
      link: `/app/milestones/${id}`,
    });
  });
  return getMilestone(db, ctx, id);
}

async function closeLatestSubmission(tx: Tx, milestoneId: string, outcome: 'approved' | 'changes_requested', note: string | null, reviewerId: string | null) {
  const [latest] = await tx
    .select({ id: milestoneSubmissions.id })
    .from(milestoneSubmissions)
    .where(eq(milestoneSubmissions.milestoneId, milestoneId))
    .orderBy(desc(milestoneSubmissions.version))
    .limit(1);
  if (latest)
    await tx
      .update(milestoneSubmissions)
      .set({ reviewOutcome: outcome, reviewNote: note, reviewedByUserId: reviewerId, reviewedAt: new Date() })
      .where(eq(milestoneSubmissions.id, latest.id));
}

/**
 * Approve: the approve event and exactly one draft payment for the milestone's amount, in one
 * transaction. A second or concurrent approval finds the milestone approved: 409.
 */
export async function approveInTransaction(tx: Tx, id: string, scope: SQL, actor: TransitionActor, note: string | null): Promise<MilestoneRow> {
  const row = await applyTransition(tx, {
    table: milestones,
    machine: milestoneMachine,
    event: 'approve',
    id,
    scope,
    actor,
    entityType: 'milestone',
    what: 'This milestone',
    set: { approvedAt: new Date() },
    note,
  });
  await closeLatestSubmission(tx, id, 'approved', note, actor.userId);
  const [contract] = await tx.select({ engagementId: contracts.engagementId }).from(contracts).where(eq(contracts.id, row.contractId));
  await createDraftPaymentForMilestone(tx, {
    milestoneId: id,
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    engagementId: contract!.engagementId,
    amountMinor: row.amountMinor,
    currency: row.currency,
    actorUserId: actor.userId,
  });
  await tellContractor(
    tx,
    row,
    'milestone.approved',
    `Approved: ${row.title}`,
    `${actor.machineActor === 'system' ? 'Approved automatically after its review period.' : 'Approved.'}${note ? ` Note: ${note}` : ''} A payment is being prepared.`,
  );
  return row;
}

export async function reviewMilestone(db: Db, ctx: RequestContext, id: string, event: Extract<MilestoneEvent, 'approve' | 'request_changes'>, note: string | null) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).milestones.get(id, 'This milestone');
    const [contract] = await tx.select({ status: contracts.status }).from(contracts).where(eq(contracts.id, current.contractId));
    // The role decides 403; the state decides 409 (in the transition).
    const mayReview = milestoneAbilities(ctx.actor, { status: 'submitted' }, contract!.status);
    assertAllowed(mayReview, event === 'approve' ? 'approve' : 'requestChanges');
    if (event === 'approve') {
      await approveInTransaction(tx, id, scopes.milestones(ctx.actor), transitionActorOf(ctx.actor, ctx.ip), note);
      return;
    }
    const row = await applyTransition(tx, {
      table: milestones,
      machine: milestoneMachine,
      event: 'request_changes',
      id,
      scope: scopes.milestones(ctx.actor),
      actor: transitionActorOf(ctx.actor, ctx.ip),
      entityType: 'milestone',
      what: 'This milestone',
      note,
    });
    await closeLatestSubmission(tx, id, 'changes_requested', note, ctx.user.id);
    await tellContractor(tx, row, 'milestone.changes_requested', `Changes requested: ${row.title}`, `What to change: ${note}`);
  });
  return getMilestone(db, ctx, id);
}

/** Approves several submitted milestones, each in its own transaction; reports each outcome. */
export async function bulkApprove(db: Db, ctx: RequestContext, ids: string[], note: string | null) {
  const results = [];
  for (const id of new Set(ids)) {
    try {
      await reviewMilestone(db, ctx, id, 'approve', note);
      results.push({ id, ok: true, status: 200, detail: null });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, status: error.status, detail: error.message });
    }
  }
  return { results };
}

/**
 * Timers, run by the queue: a reminder to reviewers a day before auto-approval fires, then the
 * automatic approval itself (with its draft payment), for organizations that turned it on.
 */
export async function runMilestoneTimers(db: Db, now = new Date()): Promise<{ reminded: number; approved: number }> {
  const system: TransitionActor = { machineActor: 'system', userId: null };
  const due = await db
    .select({ id: milestones.id, organizationId: milestones.organizationId, submittedAt: milestones.submittedAt, reminderSentAt: milestones.reminderSentAt, days: organizations.autoApproveDays, title: milestones.title })
    .from(milestones)
    .innerJoin(organizations, eq(organizations.id, milestones.organizationId))
    .where(
      and(
        eq(milestones.status, 'submitted'),
        isNotNull(organizations.autoApproveDays),
        sql`${milestones.submittedAt} <= ${now.toISOString()}::timestamptz - make_interval(days => greatest(${organizations.autoApproveDays} - 1, 0))`,
      ),
    )
    .limit(500);
  let reminded = 0;
  let approved = 0;
  for (const m of due) {
    const fireAt = new Date(m.submittedAt!.getTime() + m.days! * 86_400_000);
    if (fireAt <= now) {
      const done = await runInTransaction(db, async (tx) => {
        try {
          await approveInTransaction(tx, m.id, eq(milestones.organizationId, m.organizationId), system, `Approved automatically after ${m.days} days in review.`);
          return true;
        } catch (error) {
          if (error instanceof AppError && error.code === 'INVALID_TRANSITION') return false;
          throw error;
        }
      });
      if (done) approved++;
    } else if (!m.reminderSentAt) {
      await runInTransaction(db, async (tx) => {
        const [claimed] = await tx
          .update(milestones)
          .set({ reminderSentAt: now })
          .where(and(eq(milestones.id, m.id), sql`${milestones.reminderSentAt} is null`, eq(milestones.status, 'submitted')))
          .returning({ id: milestones.id });
        if (!claimed) return;
        await notify(tx, {
          userIds: await listReviewerUserIds(tx, m.organizationId),
          organizationId: m.organizationId,
          type: 'milestone.auto_approval_reminder',
          title: `Approves automatically tomorrow: ${m.title}`,
          body: `Review it before ${fireAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, or it will be approved and a payment drafted.`,
          link: `/app/milestones/${m.id}`,
        });
        reminded++;
      });
    }
  }
  return { reminded, approved };
}

/**
 * approved → paid, fired by Portico when the milestone's payment is sent (the payments issue
 * calls this from "send"; the demo data uses it to show a paid milestone).
 */
export async function markMilestonePaid(db: Db, id: string): Promise<void> {
  await runInTransaction(db, async (tx) => {
    const [row] = await tx.select({ organizationId: milestones.organizationId }).from(milestones).where(eq(milestones.id, id));
    if (!row) throw notFound('This milestone');
    const paid = await applyTransition(tx, {
      table: milestones,
      machine: milestoneMachine,
      event: 'mark_paid',
      id,
      scope: eq(milestones.organizationId, row.organizationId),
      actor: { machineActor: 'system', userId: null },
      entityType: 'milestone',
      what: 'This milestone',
    });
    await markMilestonePaymentSent(tx, id);
    await tellContractor(tx, paid, 'milestone.paid', `Paid: ${paid.title}`, 'The payment for this milestone was sent.');
  });
}
