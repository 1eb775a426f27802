import type { z } from 'zod';
import { paymentMachine } from '../../../shared/domain/payment.machine.ts';
import type { adjustPaymentSchema, createPaymentSchema } from '../../../shared/schemas/payment.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { assertAllowed, awaitsSecondApproval, paymentAbilities, paymentRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition } from '../../access/transition.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { needsSecondApprovalSql, notifyAwaitingApproval, readFourEyesRule } from './payments.four-eyes.ts';
import { amountOf, tellContractor } from './payments.notify.ts';
import { getPayment } from './payments.queries.ts';
import { markInvoicePaidIfSettled } from '../invoices/invoices.settle.ts';

type PaymentRow = typeof payments.$inferSelect;
type NewDraft = Pick<PaymentRow, 'organizationId' | 'contractorId' | 'engagementId' | 'amountMinor' | 'currency' | 'description'> & {
  source: 'manual' | 'adjustment';
  adjustsPaymentId?: string;
};

/** Inserts a draft, audits it and, when the four-eyes rule asks for it, tells the approvers. */
async function insertDraft(tx: Tx, ctx: RequestContext, draft: NewDraft) {
  const [inserted] = await tx
    .insert(payments)
    .values({ id: createId(), ...draft, status: 'draft', createdByUserId: ctx.user.id })
    .returning({ row: payments.id, needsApproval: needsSecondApprovalSql() });
  if (!inserted) throw new Error('payment insert returned nothing');
  const row = { ...draft, id: inserted.row, createdByUserId: ctx.user.id, adjustsPaymentId: draft.adjustsPaymentId ?? null };
  await recordAudit(tx, {
    actorUserId: ctx.user.id,
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    action: 'payment.created',
    entityType: 'payment',
    entityId: row.id,
    after: {
      status: 'draft',
      source: row.source,
      amountMinor: row.amountMinor,
      currency: row.currency,
      description: row.description,
      ...(row.adjustsPaymentId ? { adjustsPaymentId: row.adjustsPaymentId } : {}),
    },
    ip: ctx.ip,
  });
  if (inserted.needsApproval) await notifyAwaitingApproval(tx, row);
  return row;
}

/** A draft entered by hand (finance, admins, owners): for an engagement the organization has with a contractor. */
export async function createPayment(db: Db, ctx: RequestContext, input: z.infer<typeof createPaymentSchema>) {
  const id = await runInTransaction(db, async (tx) => {
    const engagement = await scoped(tx, ctx.actor).engagements.get(input.engagementId, 'This engagement');
    if (!paymentRoleAbilities(ctx.actor).create) throw forbidden('Only finance, admins and owners create payments.');
    if (engagement.status === 'invited') throw badField('engagementId', 'The contractor has not accepted the invitation yet.');
    const row = await insertDraft(tx, ctx, {
      organizationId: engagement.organizationId,
      contractorId: engagement.contractorId,
      engagementId: engagement.id,
      amountMinor: input.amountMinor,
      currency: input.currency,
      description: input.description,
      source: 'manual',
    });
    return row.id;
  });
  return getPayment(db, ctx, id);
}

/**
 * A sent payment is never edited: a correction is a new draft (source `adjustment`) linked to it,
 * in its currency, paying the difference. Amounts are positive: Portico records money sent.
 */
export async function adjustPayment(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof adjustPaymentSchema>) {
  const adjustmentId = await runInTransaction(db, async (tx) => {
    const sent = await scoped(tx, ctx.actor).payments.getForUpdate(id, 'This payment');
    if (!paymentRoleAbilities(ctx.actor).create) throw forbidden('Only finance, admins and owners adjust payments.');
    const rule = await readFourEyesRule(tx, sent.organizationId);
    if (!paymentAbilities(ctx.actor, sent, rule).adjust)
      throw new AppError('INVALID_TRANSITION', `This payment is ${sent.status}; only a sent payment is corrected by an adjustment.`, {
        currentStatus: sent.status,
      });
    const row = await insertDraft(tx, ctx, {
      organizationId: sent.organizationId,
      contractorId: sent.contractorId,
      engagementId: sent.engagementId,
      amountMinor: input.amountMinor,
      currency: sent.currency,
      description: input.description,
      source: 'adjustment',
      adjustsPaymentId: sent.id,
    });
    return row.id;
  });
  return getPayment(db, ctx, adjustmentId);
}

/**
 * The four-eyes approval: a second staff member (finance, admin, owner) who did not create the
 * draft. It stays a draft; the approver is recorded and may not also send it.
 */
export async function approvePayment(db: Db, ctx: RequestContext, id: string) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).payments.getForUpdate(id, 'This payment');
    if (!paymentRoleAbilities(ctx.actor).approve) throw forbidden('Only finance, admins and owners approve payments.');
    if (current.createdByUserId === ctx.user.id) throw forbidden('The person who created a payment cannot give its second approval.');
    const rule = await readFourEyesRule(tx, current.organizationId);
    if (current.status === 'draft' && !awaitsSecondApproval(current, rule))
      throw new AppError('CONFLICT', 'This payment does not need a second approval.', {
        currentStatus: current.status,
        awaitingApproval: false,
      });
    await applyTransition(tx, {
      current,
      table: 'payments',
      machine: paymentMachine,
      event: 'approve',
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'payment',
      what: 'This payment',
      set: { secondApprovedByUserId: ctx.user.id, secondApprovedAt: new Date() },
      note: current.createdByUserId ? `Second approval of a payment created by user ${current.createdByUserId}.` : null,
    });
  });
  return getPayment(db, ctx, id);
}

/** Cancel a draft, with the reason (the contractor sees it). */
export async function cancelPayment(db: Db, ctx: RequestContext, id: string, reason: string) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).payments.getForUpdate(id, 'This payment');
    assertAllowed(paymentRoleAbilities(ctx.actor), 'cancel');
    const row = await applyTransition(tx, {
      current,
      table: 'payments',
      machine: paymentMachine,
      event: 'cancel',
      id,
      by: { actor: ctx.actor, ip: ctx.ip },
      entityType: 'payment',
      what: 'This payment',
      set: { cancelReason: reason },
      note: reason,
    });
    // The invoice it was part of may now be settled by its other, sent, payments.
    if (row.invoiceId) await markInvoicePaidIfSettled(tx, row.invoiceId, ctx.user.id);
    await tellContractor(tx, row, 'payment.cancelled', `Payment cancelled: ${amountOf(row)}`, `Reason: ${reason}`);
  });
  return getPayment(db, ctx, id);
}
