import { z } from 'zod';
import { paymentStatuses } from '../domain/payment.machine.ts';
import { paymentLimits, paymentMethods, paymentNoteSides, paymentSources } from '../domain/payment.rules.ts';
import { idSchema } from './common.schema.ts';
import { isCalendarDate } from '../domain/time-zone.ts';
import { amountMinorSchema, currencySchema, dateSchema } from './money.schema.ts';
import { fileSchema } from './notification.schema.ts';

const descriptionSchema = z.string().trim().min(1, 'Say what the payment is for.').max(paymentLimits.description);
const referenceSchema = z.string().trim().min(1, 'Enter the reference of the transfer.').max(paymentLimits.reference);
const noteBodySchema = z.string().trim().min(1, 'Write a note.').max(paymentLimits.noteBody);

/** A draft entered by hand: for an engagement, an amount, a currency, and what it is for. */
export const createPaymentSchema = z
  .object({ engagementId: idSchema, amountMinor: amountMinorSchema, currency: currencySchema, description: descriptionSchema })
  .strict();

/** A correction of a sent payment: a new draft paying the difference, in the sent payment's currency. */
export const adjustPaymentSchema = z.object({ amountMinor: amountMinorSchema, description: descriptionSchema }).strict();

function expectedNotBeforeSent(value: { sentOn: string; expectedOn?: string | null }): boolean {
  return !value.expectedOn || value.expectedOn >= value.sentOn;
}
const expectedIssue = { message: 'The expected arrival cannot be before the sent date.', path: ['expectedOn'] };

/** Send one draft: the amount as recorded (a check that the right payment is sent), how, and the evidence. */
export const sendPaymentSchema = z
  .object({
    amountMinor: amountMinorSchema,
    method: z.enum(paymentMethods),
    reference: referenceSchema,
    proofFileId: idSchema.optional(),
    sentOn: dateSchema,
    expectedOn: dateSchema.optional(),
  })
  .strict()
  .refine(expectedNotBeforeSent, expectedIssue);

/**
 * Send many drafts at once, in one transaction: one method and dates for the batch; one proof for
 * all (`proofFileId`, an organization file uploaded without an engagement) or one per payment.
 */
export const sendBatchSchema = z
  .object({
    method: z.enum(paymentMethods),
    sentOn: dateSchema,
    expectedOn: dateSchema.optional(),
    proofFileId: idSchema.optional(),
    items: z
      .array(
        z
          .object({ paymentId: idSchema, amountMinor: amountMinorSchema, reference: referenceSchema, proofFileId: idSchema.optional() })
          .strict(),
      )
      .min(1, 'Pick at least one draft.')
      .max(paymentLimits.batchSize, `At most ${paymentLimits.batchSize} payments in one batch.`),
  })
  .strict()
  .refine(expectedNotBeforeSent, expectedIssue)
  .refine((b) => new Set(b.items.map((i) => i.paymentId)).size === b.items.length, {
    message: 'A payment appears twice in the batch.',
    path: ['items'],
  });

export const cancelPaymentSchema = z
  .object({ reason: z.string().trim().min(1, 'Say why the payment is cancelled.').max(paymentLimits.cancelReason) })
  .strict();

/** A note of a dispute (opening it, answering it, resolving it), with an optional file (more proof). */
export const paymentNoteInputSchema = z.object({ body: noteBodySchema, fileId: idSchema.optional() }).strict();

export const paymentListQuerySchema = z
  .object({
    status: z.enum(paymentStatuses).optional(),
    contractorId: idSchema.optional(),
    currency: currencySchema.optional(),
    /** Recorded on or after / on or before (YYYY-MM-DD, UTC). */
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || (isCalendarDate(q.from) && q.from <= q.to), {
    message: '"from" must not be after "to".',
    path: ['from'],
  });

export const paymentTotalsQuerySchema = z
  .object({
    contractorId: idSchema.optional(),
    currency: currencySchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();

export const paymentAbilitiesSchema = z.object({
  approve: z.boolean(),
  send: z.boolean(),
  cancel: z.boolean(),
  adjust: z.boolean(),
  confirmReceipt: z.boolean(),
  dispute: z.boolean(),
  resolveAsSent: z.boolean(),
  resolveAsReceived: z.boolean(),
  addNote: z.boolean(),
});

export const paymentSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  contractorId: z.string(),
  contractorName: z.string(),
  engagementId: z.string(),
  source: z.enum(paymentSources),
  milestoneId: z.string().nullable(),
  description: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  status: z.enum(paymentStatuses),
  method: z.enum(paymentMethods).nullable(),
  reference: z.string().nullable(),
  proof: fileSchema.nullable(),
  sentOn: z.string().nullable(),
  expectedOn: z.string().nullable(),
  sentAt: z.string().nullable(),
  batchId: z.string().nullable(),
  adjustsPaymentId: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** The organization's four-eyes rule asks for a second approval that this draft does not have yet. */
  awaitingApproval: z.boolean(),
  secondApprovedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities: paymentAbilitiesSchema,
});

export const paymentNoteSchema = z.object({
  id: z.string(),
  side: z.enum(paymentNoteSides),
  authorName: z.string().nullable(),
  body: z.string(),
  file: fileSchema.nullable(),
  createdAt: z.string(),
});

export const paymentDetailSchema = paymentSchema.extend({
  createdByName: z.string().nullable(),
  sentByName: z.string().nullable(),
  secondApprovedByName: z.string().nullable(),
  notes: z.array(paymentNoteSchema),
  /** Payments that correct this one. */
  adjustments: z.array(z.object({ id: z.string(), amountMinor: z.number(), currency: z.string(), status: z.enum(paymentStatuses) })),
});

export const paymentTotalsSchema = z.object({
  totals: z.array(z.object({ status: z.enum(paymentStatuses), currency: z.string(), amountMinor: z.number(), count: z.number() })),
  abilities: z.object({ create: z.boolean(), send: z.boolean(), manageFourEyes: z.boolean() }),
});

export const paymentBatchResultSchema = z.object({
  batch: z.object({
    id: z.string(),
    method: z.enum(paymentMethods),
    sentOn: z.string(),
    expectedOn: z.string().nullable(),
    paymentCount: z.number(),
    createdAt: z.string(),
  }),
  items: z.array(paymentSchema),
});

const thresholdSchema = z.object({ currency: currencySchema, minAmountMinor: amountMinorSchema }).strict();

/** The four-eyes rule: off by default; when on, a draft at or above its currency's threshold needs a second approver. */
export const fourEyesInputSchema = z
  .object({ enabled: z.boolean(), thresholds: z.array(thresholdSchema).max(50) })
  .strict()
  .refine((r) => new Set(r.thresholds.map((t) => t.currency)).size === r.thresholds.length, {
    message: 'One threshold per currency.',
    path: ['thresholds'],
  });

export const fourEyesSchema = z.object({
  enabled: z.boolean(),
  thresholds: z.array(z.object({ currency: z.string(), minAmountMinor: z.number() })),
  version: z.number(),
  abilities: z.object({ update: z.boolean() }),
});
