import { z } from 'zod';
import { invoiceStatuses } from '../domain/invoice.machine.ts';
import { MAX_QUANTITY_MILLI, TAX_RATE_SCALE } from '../domain/invoice.totals.ts';
import { paymentStatuses } from '../domain/payment.machine.ts';
import { idSchema } from './common.schema.ts';
import { currencySchema, dateSchema, MAX_AMOUNT_MINOR } from './money.schema.ts';
import { fileSchema } from './notification.schema.ts';

/** A whole number of minor units, zero allowed (a line or a tax may be nothing). */
const minorUnitsSchema = z
  .number({ error: 'Enter the amount as a whole number of minor units (cents).' })
  .int('Use whole minor units (cents).')
  .min(0, 'Amounts cannot be negative.')
  .max(MAX_AMOUNT_MINOR, 'The amount is too large (at most 10^12 minor units).');

/** No control characters in one-line texts. */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => ![...value].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127), 'Use one line of text.');

export const invoiceNumberSchema = oneLine(64).pipe(z.string().min(1, 'Give the invoice a number.'));

export const invoiceLineInputSchema = z
  .object({
    description: oneLine(500).pipe(z.string().min(1, 'Describe the line.')),
    /** Thousandths of a unit: 1.5 hours = 1500. */
    quantityMilli: z
      .number()
      .int('Quantity in thousandths, a whole number.')
      .min(1, 'The quantity must be more than zero.')
      .max(MAX_QUANTITY_MILLI),
    unitAmountMinor: minorUnitsSchema,
    /** quantity × unit amount, rounded half up: checked by the server. */
    amountMinor: minorUnitsSchema,
    /** An approved milestone of the same engagement this line stands for. */
    milestoneId: idSchema.optional(),
  })
  .strict();

export const submitInvoiceSchema = z
  .object({
    engagementId: idSchema,
    number: invoiceNumberSchema,
    issueOn: dateSchema,
    dueOn: dateSchema,
    currency: currencySchema,
    /** One tax rate in basis points: 2000 = 20 %. */
    taxRateBp: z.number().int().min(0).max(TAX_RATE_SCALE, 'The tax rate is at most 100 %.'),
    lines: z.array(invoiceLineInputSchema).min(1, 'Add at least one line.').max(100, 'At most 100 lines.'),
    subtotalMinor: minorUnitsSchema,
    taxMinor: minorUnitsSchema,
    totalMinor: minorUnitsSchema,
    note: z.string().trim().max(2000).default(''),
    /** The invoice as a PDF or image uploaded with POST /api/files?engagementId=…; or `generate` it. */
    fileId: idSchema.optional(),
    generate: z.boolean().default(false),
    /** The rejected invoice this one corrects. */
    correctsInvoiceId: idSchema.optional(),
    /** "Invoice this job": the job of the same engagement this invoice is for. */
    jobId: idSchema.optional(),
  })
  .strict()
  .refine((s) => (s.fileId ? !s.generate : s.generate), {
    message: 'Attach the invoice (a PDF or an image), or let Portico generate it: one of the two.',
    path: ['fileId'],
  });
export type SubmitInvoiceInput = z.infer<typeof submitInvoiceSchema>;

export const rejectInvoiceSchema = z.object({ reason: z.string().trim().min(1, 'Say why the invoice is rejected.').max(2000) }).strict();
export const approveInvoiceSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict();

export const invoiceListQuerySchema = z
  .object({
    status: z.enum(invoiceStatuses).optional(),
    contractorId: idSchema.optional(),
    organizationId: idSchema.optional(),
    engagementId: idSchema.optional(),
    /** The invoices of one job (the job page shows them). */
    jobId: idSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const billableMilestonesQuerySchema = z
  .object({
    engagementId: idSchema,
    limit: z.coerce.number().int().min(1).max(200).default(100),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const invoiceAbilitiesSchema = z.object({
  approve: z.boolean(),
  reject: z.boolean(),
  withdraw: z.boolean(),
  /** Submit a corrected invoice linked to this one. */
  correct: z.boolean(),
});

export const invoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(invoiceStatuses),
  issueOn: z.string(),
  dueOn: z.string(),
  currency: z.string(),
  subtotalMinor: z.number(),
  taxRateBp: z.number(),
  taxMinor: z.number(),
  totalMinor: z.number(),
  engagementId: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  contractor: z.object({ id: z.string(), name: z.string() }),
  generated: z.boolean(),
  rejectReason: z.string().nullable(),
  correctsInvoiceId: z.string().nullable(),
  jobId: z.string().nullable(),
  submittedAt: z.string(),
  approvedAt: z.string().nullable(),
  rejectedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  version: z.number().int(),
  abilities: invoiceAbilitiesSchema,
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceLineSchema = z.object({
  id: z.string(),
  position: z.number(),
  description: z.string(),
  quantityMilli: z.number(),
  unitAmountMinor: z.number(),
  amountMinor: z.number(),
  milestone: z.object({ id: z.string(), title: z.string(), status: z.string() }).nullable(),
});

export const invoiceDetailSchema = invoiceSchema.extend({
  note: z.string(),
  lines: z.array(invoiceLineSchema),
  file: fileSchema,
  submittedByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  rejectedByName: z.string().nullable(),
  /** The live correction of this invoice, when it was rejected and corrected. */
  correctedByInvoiceId: z.string().nullable(),
  correctsInvoiceNumber: z.string().nullable(),
  /** The payments that settle it: the milestones' drafts linked on approval, and its own draft for the rest. */
  payments: z.array(z.object({ id: z.string(), status: z.enum(paymentStatuses), amountMinor: z.number(), source: z.string() })),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;

export const billableMilestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  status: z.string(),
  approvedAt: z.string().nullable(),
  contractTitle: z.string(),
});

/** The contractor's business details, printed on the invoices Portico generates. */
export const contractorProfileInputSchema = z
  .object({
    legalName: oneLine(200).pipe(z.string().min(1, 'Enter the legal name of the business.')),
    address: z.string().trim().min(1, 'Enter the business address.').max(1000),
    taxId: oneLine(64).default(''),
    bankDetails: z.string().trim().max(1000).default(''),
    email: z.union([z.literal(''), z.string().trim().toLowerCase().max(254).email()]).default(''),
    phone: oneLine(40).default(''),
  })
  .strict();

export const contractorProfileSchema = z.object({
  contractorId: z.string(),
  legalName: z.string(),
  address: z.string(),
  taxId: z.string(),
  bankDetails: z.string(),
  email: z.string(),
  phone: z.string(),
  /** 0 while the details were never saved. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
