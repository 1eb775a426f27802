import type { z } from 'zod';
import { type PaymentEvent, paymentMachine } from '../../../shared/domain/payment.machine.ts';
import type { paymentNoteInputSchema } from '../../../shared/schemas/payment.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { paymentAbilities, paymentRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition } from '../../access/transition.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { paymentNotes, type payments } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { readAttachableFile } from '../files/files.service.ts';
import { amountOf, tellContractor, tellPayers } from './payments.notify.ts';
import { getPayment, ruleFor } from './payments.queries.ts';

type PaymentRow = typeof payments.$inferSelect;
type NoteInput = z.infer<typeof paymentNoteInputSchema>;

/** A note on the payment's dispute, from the actor's side, with an optional file of the payment's own parties. */
async function insertNote(tx: Tx, ctx: RequestContext, payment: PaymentRow, note: NoteInput): Promise<void> {
  if (note.fileId)
    await readAttachableFile(tx, ctx.actor, note.fileId, payment).catch(() => {
      throw badField('fileId', 'Upload the file for this payment’s engagement first (POST /api/files?engagementId=…).');
    });
  await tx.insert(paymentNotes).values({
    id: createId(),
    paymentId: payment.id,
    organizationId: payment.organizationId,
    contractorId: payment.contractorId,
    authorUserId: ctx.user.id,
    side: ctx.actor.kind === 'staff' ? 'company' : 'contractor',
    body: note.body,
    fileId: note.fileId ?? null,
  });
}

/** Reads the payment through the scope (404), checks the role (403), then fires the event (409 from the wrong status). */
async function fire(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  event: PaymentEvent,
  set: Partial<PaymentRow>,
  note: string | null,
  allowed: boolean,
  refusal: string,
) {
  const current = await scoped(tx, ctx.actor).payments.getForUpdate(id, 'This payment');
  if (!allowed) throw forbidden(refusal);
  return applyTransition(tx, {
    current,
    table: 'payments',
    machine: paymentMachine,
    event,
    id,
    by: { actor: ctx.actor, ip: ctx.ip },
    entityType: 'payment',
    what: 'This payment',
    set,
    note,
  });
}

/** The contractor confirms the money arrived (sent → received, audited); anything but `sent` is a 409 with the status. */
export async function confirmReceipt(db: Db, ctx: RequestContext, id: string) {
  const allowed = paymentRoleAbilities(ctx.actor).confirmReceipt;
  await runInTransaction(db, async (tx) => {
    const row = await fire(
      tx,
      ctx,
      id,
      'confirm_receipt',
      { receivedAt: new Date() },
      null,
      allowed,
      'Only the contractor confirms receipt.',
    );
    await tellPayers(
      tx,
      row,
      'payment.confirmed',
      `Payment received: ${amountOf(row)}`,
      `${row.description ?? 'The payment'} was confirmed as received.`,
    );
  });
  return getPayment(db, ctx, id);
}

/** The contractor disputes a sent payment with a note (and a file); a second dispute is a 409 with the status. */
export async function disputePayment(db: Db, ctx: RequestContext, id: string, note: NoteInput) {
  const allowed = paymentRoleAbilities(ctx.actor).dispute;
  await runInTransaction(db, async (tx) => {
    const row = await fire(tx, ctx, id, 'dispute', {}, note.body, allowed, 'Only the contractor disputes a payment.');
    await insertNote(tx, ctx, row, note);
    await tellPayers(tx, row, 'payment.disputed', `Payment disputed: ${amountOf(row)}`, note.body);
  });
  return getPayment(db, ctx, id);
}

/** Either side answers a dispute with a note and, if needed, more proof; only while it is disputed. */
export async function addPaymentNote(db: Db, ctx: RequestContext, id: string, note: NoteInput) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).payments.getForUpdate(id, 'This payment');
    const role = paymentRoleAbilities(ctx.actor);
    if (!role.resolve && !role.dispute) throw forbidden('Only finance, admins, owners and the contractor write on a dispute.');
    if (!paymentAbilities(ctx.actor, current, await ruleFor(tx, ctx.actor)).addNote)
      throw new AppError('INVALID_TRANSITION', `This payment is ${current.status}; notes are written while it is disputed.`, {
        currentStatus: current.status,
      });
    await insertNote(tx, ctx, current, note);
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId: current.organizationId,
      contractorId: current.contractorId,
      action: 'payment.note_added',
      entityType: 'payment',
      entityId: id,
      after: { body: note.body, fileId: note.fileId ?? null },
      ip: ctx.ip,
    });
    const title = `New note on a disputed payment: ${amountOf(current)}`;
    if (ctx.actor.kind === 'staff') await tellContractor(tx, current, 'payment.note', title, note.body);
    else await tellPayers(tx, current, 'payment.note', title, note.body);
  });
  return getPayment(db, ctx, id);
}

/**
 * Resolve a dispute with a note (and more proof): as sent (the company stands by it: the
 * contractor may confirm or dispute again) or as received (staff, or the contractor who found it).
 */
export async function resolvePayment(db: Db, ctx: RequestContext, id: string, outcome: 'sent' | 'received', note: NoteInput) {
  const role = paymentRoleAbilities(ctx.actor);
  const allowed = outcome === 'sent' ? role.resolve : role.resolve || role.confirmReceipt;
  await runInTransaction(db, async (tx) => {
    const event = outcome === 'sent' ? 'resolve_as_sent' : 'resolve_as_received';
    const set = outcome === 'received' ? { receivedAt: new Date() } : {};
    const row = await fire(tx, ctx, id, event, set, note.body, allowed, 'You are not allowed to resolve this dispute.');
    await insertNote(tx, ctx, row, note);
    const title = `Dispute resolved as ${outcome}: ${amountOf(row)}`;
    if (ctx.actor.kind === 'staff') await tellContractor(tx, row, 'payment.dispute_resolved', title, note.body);
    else await tellPayers(tx, row, 'payment.dispute_resolved', title, note.body);
  });
  return getPayment(db, ctx, id);
}
