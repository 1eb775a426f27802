import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { workingContractStatuses } from '../../../shared/domain/contract.machine.ts';
import { isMilestoneFrozen, type MilestoneEvent, milestoneMachine } from '../../../shared/domain/milestone.machine.ts';
import type { createMilestoneSchema, submitMilestoneSchema, updateMilestoneSchema } from '../../../shared/schemas/milestone.schema.ts';
import { type RequestContext, systemActor } from '../../access/actor.ts';
import { assertAllowed, contractAbilities, milestoneAbilities, milestoneRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition } from '../../access/transition.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db } from '../../db/client.ts';
import {
  contractors,
  type contracts,
  milestoneAttachments,
  milestoneSubmissions,
  milestones,
  submissionFiles,
} from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, notFound } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { assertExpectedVersion, type ExpectedVersion, staleVersion, versionsToMatch } from '../../lib/versions.ts';
import { readAttachableFile } from '../files/files.service.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectReviewerUserIds } from '../organizations/organizations.service.ts';
import { markMilestonePaymentSent } from '../payments/payments.service.ts';
import { approveInTransaction, closeLatestSubmission, tellContractor } from './milestones.approval.ts';
import { getMilestone, getNewMilestone } from './milestones.queries.ts';

type MilestoneRow = typeof milestones.$inferSelect;

type ContractRow = typeof contracts.$inferSelect;

function checkDueDate(contract: ContractRow, dueDate: string): void {
  if (dueDate < contract.startDate) throw badField('dueDate', `The due date is before the contract starts (${contract.startDate}).`);
  if (contract.endDate && dueDate > contract.endDate)
    throw badField('dueDate', `The due date is after the contract ends (${contract.endDate}).`);
}

function checkCurrency(contract: ContractRow, currency: string): void {
  if (currency !== contract.currency) throw badField('currency', `Milestones of this contract are paid in ${contract.currency}.`);
}

export async function createMilestone(db: Db, ctx: RequestContext, contractId: string, input: z.infer<typeof createMilestoneSchema>) {
  const created = await runInTransaction(db, async (tx) => {
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
        fileRows.map((f) => ({
          id: createId(),
          milestoneId,
          organizationId: contract.organizationId,
          contractorId: contract.contractorId,
          fileId: f.id,
        })),
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
    return { milestoneId, fileRows };
  });
  return getNewMilestone(db, ctx, created.milestoneId, created.fileRows);
}

export async function updateMilestone(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: z.infer<typeof updateMilestoneSchema>,
  expected: ExpectedVersion,
) {
  await runInTransaction(db, async (tx) => {
    const reader = scoped(tx, ctx.actor);
    const current = await reader.milestones.getForUpdate(id, 'This milestone');
    const contract = await reader.contracts.get(current.contractId, 'This contract');
    const abilities = milestoneAbilities(ctx.actor, current, contract.status);
    assertAllowed(abilities, 'edit');
    assertExpectedVersion(expected, 'This milestone', current.version);
    const touchesFrozen =
      (input.amountMinor !== undefined && input.amountMinor !== current.amountMinor) ||
      (input.dueDate !== undefined && input.dueDate !== current.dueDate) ||
      (input.currency !== undefined && input.currency !== current.currency);
    if (touchesFrozen && isMilestoneFrozen(current.status))
      throw new AppError('CONFLICT', `This milestone is ${current.status}: its amount and due date are frozen.`, {
        currentStatus: current.status,
      });
    if (input.dueDate) checkDueDate(contract, input.dueDate);
    if (input.currency) checkCurrency(contract, input.currency);
    const changed = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => value !== undefined && value !== current[key as keyof MilestoneRow]),
    );
    if (Object.keys(changed).length === 0) return;
    const matching = versionsToMatch(expected);
    const [updated] = await tx
      .update(milestones)
      .set({ ...changed, version: sql`${milestones.version} + 1`, updatedAt: new Date() })
      .where(and(eq(milestones.id, id), matching ? inArray(milestones.version, matching) : undefined))
      .returning();
    if (!updated) throw staleVersion('This milestone', current.version);
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
    const what = Object.keys(changed).map(
      (k) => ({ title: 'title', description: 'description', dueDate: 'due date', amountMinor: 'amount', currency: 'currency' })[k] ?? k,
    );
    await tellContractor(tx, updated!, 'milestone.edited', `Milestone changed: ${updated!.title}`, `Changed: ${what.join(', ')}.`);
  });
  return getMilestone(db, ctx, id);
}

export async function deleteMilestone(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).milestones.getForUpdate(id, 'This milestone');
    // The role decides 403; the status decides 409 (below).
    assertAllowed(milestoneRoleAbilities(ctx.actor), 'delete');
    if (isMilestoneFrozen(current.status))
      throw new AppError(
        'CONFLICT',
        `This milestone is ${current.status}; an approved or paid milestone cannot be deleted, because its payment refers to it.`,
        {
          currentStatus: current.status,
        },
      );
    await tx.delete(milestones).where(eq(milestones.id, id));
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      contractorId: current.contractorId,
      action: 'milestone.deleted',
      entityType: 'milestone',
      entityId: id,
      before: {
        title: current.title,
        status: current.status,
        dueDate: current.dueDate,
        amountMinor: current.amountMinor,
        currency: current.currency,
      },
      ip: ctx.ip,
    });
    await tellContractor(tx, current, 'milestone.deleted', `Milestone removed: ${current.title}`, 'It no longer needs delivering.');
  });
}

export async function addMilestoneAttachment(db: Db, ctx: RequestContext, id: string, fileId: string) {
  await runInTransaction(db, async (tx) => {
    const row = await scoped(tx, ctx.actor).milestones.get(id, 'This milestone');
    assertAllowed(milestoneRoleAbilities(ctx.actor), 'manageAttachments');
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
    assertAllowed(milestoneRoleAbilities(ctx.actor), 'manageAttachments');
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
    const reader = scoped(tx, ctx.actor);
    const row = await reader.milestones.getForUpdate(id, 'This milestone');
    const contract = await reader.contracts.get(row.contractId, 'This contract');
    if (ctx.actor.kind === 'contractor' && !workingContractStatuses.includes(contract.status))
      throw new AppError('CONFLICT', `The contract is ${contract.status}; work can be submitted only on an active contract.`);
    const fileRows = [];
    for (const fileId of new Set(input.fileIds)) fileRows.push(await readAttachableFile(tx, ctx.actor, fileId, row));
    const updated = await applyTransition(tx, {
      current: row,
      table: 'milestones',
      machine: milestoneMachine,
      event: 'submit',
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'milestone',
      what: 'This milestone',
      set: { submittedAt: new Date(), reminderSentAt: null },
      note: input.note || null,
    });
    const submissionId = createId();
    const [{ version }] = (await tx
      .insert(milestoneSubmissions)
      .values({
        id: submissionId,
        milestoneId: id,
        organizationId: row.organizationId,
        contractorId: row.contractorId,
        version: sql`(select coalesce(max(${milestoneSubmissions.version}), 0) + 1 from ${milestoneSubmissions} where ${reader.childrenOf(milestoneSubmissions, milestoneSubmissions.milestoneId, id)})`,
        note: input.note,
        links: input.links,
        submittedByUserId: ctx.user.id,
      })
      .returning({ version: milestoneSubmissions.version })) as [{ version: number }];
    if (fileRows.length > 0)
      await tx.insert(submissionFiles).values(
        fileRows.map((f) => ({
          id: createId(),
          submissionId,
          organizationId: row.organizationId,
          contractorId: row.contractorId,
          fileId: f.id,
        })),
      );
    const [contractor] = await tx.select({ name: contractors.name }).from(contractors).where(eq(contractors.id, row.contractorId));
    await notify(tx, {
      userIds: selectReviewerUserIds(tx, row.organizationId),
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

export async function reviewMilestone(
  db: Db,
  ctx: RequestContext,
  id: string,
  event: Extract<MilestoneEvent, 'approve' | 'request_changes'>,
  note: string | null,
) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).milestones.getForUpdate(id, 'This milestone');
    // The role decides 403; the state decides 409 (in the transition).
    assertAllowed(milestoneRoleAbilities(ctx.actor), event === 'approve' ? 'approve' : 'requestChanges');
    const by = { actor: ctx.actor, ip: ctx.ip };
    if (event === 'approve') {
      await approveInTransaction(tx, id, by, note, current);
      return;
    }
    const row = await applyTransition(tx, {
      current,
      table: 'milestones',
      machine: milestoneMachine,
      event: 'request_changes',
      id,
      by,
      entityType: 'milestone',
      what: 'This milestone',
      note,
    });
    await closeLatestSubmission(tx, by, id, 'changes_requested', note);
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
 * approved → paid, fired by Portico when the milestone's payment is sent (the payments issue
 * calls this from "send"; the demo data uses it to show a paid milestone).
 */
export async function markMilestonePaid(db: Db, id: string): Promise<void> {
  await runInTransaction(db, async (tx) => {
    const paid = await applyTransition(tx, {
      table: 'milestones',
      machine: milestoneMachine,
      event: 'mark_paid',
      id,
      by: systemActor(),
      entityType: 'milestone',
      what: 'This milestone',
    });
    await markMilestonePaymentSent(tx, id);
    await tellContractor(tx, paid, 'milestone.paid', `Paid: ${paid.title}`, 'The payment for this milestone was sent.');
  });
}
