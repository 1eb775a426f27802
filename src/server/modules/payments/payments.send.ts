import { and, asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { paymentMachine } from '../../../shared/domain/payment.machine.ts';
import type { FourEyesRule, PaymentMethod } from '../../../shared/domain/payment.rules.ts';
import type { sendBatchSchema, sendPaymentSchema } from '../../../shared/schemas/payment.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import { awaitsSecondApproval, paymentRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import { applyTransition } from '../../access/transition.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import type { Db, Tx } from '../../db/client.ts';
import { paymentBatches, payments } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { AppError, badField, forbidden } from '../../lib/errors.ts';
import { createId } from '../../lib/ids.ts';
import { copyFileFor, isImageOrPdf, readAttachableFile } from '../files/files.service.ts';
import { markInvoicePaidIfSettled } from '../invoices/invoices.settle.ts';
import { markMilestonePaidInTransaction } from '../milestones/milestones.settle.ts';
import { readFourEyesRule } from './payments.four-eyes.ts';
import { amountOf, tellPaymentSent } from './payments.notify.ts';
import { getPayment, presentPaymentsById } from './payments.queries.ts';

type PaymentRow = typeof payments.$inferSelect;

interface SendFields {
  amountMinor: number;
  method: PaymentMethod;
  reference: string;
  proofFileId: string | null;
  sentOn: string;
  expectedOn: string | null;
  batchId: string | null;
}

/**
 * What a sent payment settles, in the sending transaction: the milestone it pays becomes `paid`.
 * THE hook for every source of a payment: an invoice's payment marks the invoice paid here too.
 */
export async function settlePaymentSources(tx: Tx, payment: PaymentRow, ctx: RequestContext): Promise<void> {
  if (payment.milestoneId) await markMilestonePaidInTransaction(tx, payment.milestoneId, ctx.user.id, ctx.ip);
  if (payment.invoiceId) await markInvoicePaidIfSettled(tx, payment.invoiceId, ctx.user.id);
}

/** A proof of one payment: a file uploaded for its engagement, an image or a PDF. */
async function readProof(tx: Tx, ctx: RequestContext, fileId: string, payment: PaymentRow, field: string) {
  const file = await readAttachableFile(tx, ctx.actor, fileId, payment).catch(() => {
    throw badField(field, 'Upload the proof for this payment’s engagement first (POST /api/files?engagementId=…&accept=image-or-pdf).');
  });
  if (!isImageOrPdf(file.mime)) throw badField(field, 'A proof of payment is an image (PNG, JPEG, GIF, WebP) or a PDF.');
  return file;
}

/** draft → sent for one locked draft: the amount as recorded, the four-eyes guards, the machine, its sources, the notification. */
async function sendLockedDraft(tx: Tx, ctx: RequestContext, current: PaymentRow, fields: SendFields, rule: FourEyesRule, field: string) {
  if (current.status === 'draft' && fields.amountMinor !== current.amountMinor)
    throw badField(
      `${field}amountMinor`,
      `The amount must be the one recorded on the payment (${amountOf(current)}); adjust it after sending.`,
    );
  if (current.status === 'draft' && awaitsSecondApproval(current, rule))
    throw new AppError('CONFLICT', 'This payment needs a second approval before it is sent.', {
      paymentId: current.id,
      currentStatus: current.status,
      awaitingApproval: true,
    });
  if (current.secondApprovedByUserId === ctx.user.id) throw forbidden('The person who approved a payment cannot also send it.');
  const sent = await applyTransition(tx, {
    current,
    table: 'payments',
    machine: paymentMachine,
    event: 'send',
    id: current.id,
    by: { actor: ctx.actor, ip: ctx.ip },
    entityType: 'payment',
    what: `Payment ${current.id}`,
    set: {
      method: fields.method,
      reference: fields.reference,
      proofFileId: fields.proofFileId,
      sentOn: fields.sentOn,
      expectedOn: fields.expectedOn,
      batchId: fields.batchId,
      sentAt: new Date(),
      sentByUserId: ctx.user.id,
    },
    note: `${fields.method} ${fields.reference}`,
  });
  await settlePaymentSources(tx, sent, ctx);
  await tellPaymentSent(tx, sent);
  return sent;
}

function assertMaySend(ctx: RequestContext): void {
  if (!paymentRoleAbilities(ctx.actor).send) throw forbidden('Only finance, admins and owners send payments.');
}

/** Send one draft with its evidence. Concurrent sends of one draft: the row lock lets one through, the others get 409. */
export async function sendPayment(db: Db, ctx: RequestContext, id: string, input: z.infer<typeof sendPaymentSchema>) {
  await runInTransaction(db, async (tx) => {
    const current = await scoped(tx, ctx.actor).payments.getForUpdate(id, 'This payment');
    assertMaySend(ctx);
    const proof = input.proofFileId ? await readProof(tx, ctx, input.proofFileId, current, 'proofFileId') : null;
    const rule = await readFourEyesRule(tx, current.organizationId);
    await sendLockedDraft(
      tx,
      ctx,
      current,
      { ...input, proofFileId: proof?.id ?? null, expectedOn: input.expectedOn ?? null, batchId: null },
      rule,
      '',
    );
  });
  return getPayment(db, ctx, id);
}

/**
 * Send many drafts as one batch, in one transaction: every draft or none. One proof for the batch
 * (an organization file, uploaded without an engagement) becomes each payment's own file; a
 * payment's own proof wins over it.
 */
export async function sendBatch(db: Db, ctx: RequestContext, input: z.infer<typeof sendBatchSchema>) {
  const ids = input.items.map((item) => item.paymentId);
  const result = await runInTransaction(db, async (tx) => {
    const locked = await tx
      .select()
      .from(payments)
      .where(and(inArray(payments.id, ids), scopes.payments(ctx.actor)))
      .orderBy(asc(payments.id))
      .for('update');
    const byId = new Map(locked.map((row) => [row.id, row]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw new AppError('NOT_FOUND', `Payment ${missing} was not found.`, { paymentId: missing });
    assertMaySend(ctx);
    if (ctx.actor.kind !== 'staff') throw forbidden();
    const organizationId = ctx.actor.organizationId;
    const notDraft = locked.find((row) => row.status !== 'draft');
    if (notDraft)
      throw new AppError('INVALID_TRANSITION', `Payment ${notDraft.id} is ${notDraft.status}; only drafts are sent.`, {
        paymentId: notDraft.id,
        currentStatus: notDraft.status,
      });
    let batchProof = null;
    if (input.proofFileId) {
      batchProof = await scoped(tx, ctx.actor).files.find(input.proofFileId);
      if (!batchProof || batchProof.contractorId !== null)
        throw badField('proofFileId', 'Upload the batch proof without an engagement first (POST /api/files?accept=image-or-pdf).');
      if (!isImageOrPdf(batchProof.mime)) throw badField('proofFileId', 'A proof of payment is an image (PNG, JPEG, GIF, WebP) or a PDF.');
    }
    const [batch] = await tx
      .insert(paymentBatches)
      .values({
        id: createId(),
        organizationId,
        createdByUserId: ctx.user.id,
        method: input.method,
        sentOn: input.sentOn,
        expectedOn: input.expectedOn ?? null,
        proofFileId: batchProof?.id ?? null,
        paymentCount: ids.length,
      })
      .returning();
    if (!batch) throw new Error('batch insert returned nothing');
    const needCopy = batchProof ? input.items.filter((item) => !item.proofFileId).map((item) => byId.get(item.paymentId)!) : [];
    const copies = batchProof ? await copyFileFor(tx, batchProof, needCopy, ctx.user.id) : [];
    const copyOf = new Map(needCopy.map((row, i) => [row.id, copies[i]!]));
    const rule = await readFourEyesRule(tx, organizationId);
    for (const [i, item] of input.items.entries()) {
      const current = byId.get(item.paymentId)!;
      const own = item.proofFileId ? await readProof(tx, ctx, item.proofFileId, current, `items.${i}.proofFileId`) : null;
      const fields: SendFields = {
        amountMinor: item.amountMinor,
        method: input.method,
        reference: item.reference,
        proofFileId: own?.id ?? copyOf.get(current.id) ?? null,
        sentOn: input.sentOn,
        expectedOn: input.expectedOn ?? null,
        batchId: batch.id,
      };
      await sendLockedDraft(tx, ctx, current, fields, rule, `items.${i}.`);
    }
    await recordAudit(tx, {
      actorUserId: ctx.user.id,
      organizationId,
      action: 'payment_batch.sent',
      entityType: 'payment_batch',
      entityId: batch.id,
      after: { method: batch.method, sentOn: batch.sentOn, paymentIds: ids },
      ip: ctx.ip,
    });
    return batch;
  });
  return {
    batch: {
      id: result.id,
      method: result.method,
      sentOn: result.sentOn,
      expectedOn: result.expectedOn,
      paymentCount: result.paymentCount,
      createdAt: result.createdAt.toISOString(),
    },
    items: await presentPaymentsById(db, ctx.actor, ids),
  };
}
