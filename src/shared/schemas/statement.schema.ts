import { z } from 'zod';
import { invoiceStatuses } from '../domain/invoice.machine.ts';
import { paymentStatuses } from '../domain/payment.machine.ts';
import { paymentMethods } from '../domain/payment.rules.ts';
import { idSchema } from './common.schema.ts';
import { dateSchema } from './money.schema.ts';

/** The longest period a statement or an export covers (a tax year and then some). */
export const MAX_PERIOD_DAYS = 3 * 366;
/** A PDF holds at most this many rows; the CSV has no limit (it streams). */
export const PDF_MAX_ROWS = 20_000;

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function checkPeriod(value: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (!value.from || !value.to) return;
  if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end of the period is before its start.' });
  else if (daysBetween(value.from, value.to) > MAX_PERIOD_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `A period covers at most ${MAX_PERIOD_DAYS} days.` });
}

/**
 * Whose statement: a contractor names the organization, staff name the contractor (the other
 * party is the one the person acts for). Dates are days on the organization's calendar, inclusive.
 */
export const statementQuerySchema = z
  .object({
    organizationId: idSchema.optional(),
    contractorId: idSchema.optional(),
    from: dateSchema,
    to: dateSchema,
  })
  .strict()
  .superRefine(checkPeriod);
export type StatementQuery = z.infer<typeof statementQuerySchema>;

export const statementLineKinds = ['approved', 'cancelled', 'paid'] as const;
export type StatementLineKind = (typeof statementLineKinds)[number];

export const statementLineSchema = z.object({
  /** The day on the organization's calendar. */
  date: z.string(),
  kind: z.enum(statementLineKinds),
  paymentId: z.string(),
  description: z.string(),
  currency: z.string(),
  /** Signed: approvals add to what is owed, cancellations and payments take from it. */
  amountMinor: z.number(),
  /** What is owed in this currency after this line. */
  balanceMinor: z.number(),
  method: z.enum(paymentMethods).nullable(),
  reference: z.string().nullable(),
  status: z.enum(paymentStatuses),
});
export type StatementLine = z.infer<typeof statementLineSchema>;

export const statementTotalsSchema = z.object({
  currency: z.string(),
  openingMinor: z.number(),
  approvedMinor: z.number(),
  cancelledMinor: z.number(),
  paidMinor: z.number(),
  closingMinor: z.number(),
});
export type StatementTotals = z.infer<typeof statementTotalsSchema>;

export const statementInvoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  issueOn: z.string(),
  dueOn: z.string(),
  totalMinor: z.number(),
  currency: z.string(),
  status: z.enum(invoiceStatuses),
});

export const statementPartySchema = z.object({ id: z.string(), name: z.string() });

export const statementSchema = z.object({
  organization: statementPartySchema,
  contractor: statementPartySchema,
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  totals: z.array(statementTotalsSchema),
  lines: z.array(statementLineSchema),
  invoices: z.array(statementInvoiceSchema),
});
export type Statement = z.infer<typeof statementSchema>;

/** Payment history (sent, disputed, received payments) by the day they were sent, for either side. */
export const paymentHistoryQuerySchema = z
  .object({
    organizationId: idSchema.optional(),
    contractorId: idSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict()
  .superRefine(checkPeriod);
export type PaymentHistoryQuery = z.infer<typeof paymentHistoryQuerySchema>;

/** What is approved and not paid yet (drafts), per organization, contractor and currency. */
export const balanceSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  contractorId: z.string(),
  contractorName: z.string(),
  currency: z.string(),
  amountMinor: z.number(),
  /** Drafts behind the amount. */
  count: z.number(),
});
export const balancesSchema = z.object({ items: z.array(balanceSchema) });
export type Balance = z.infer<typeof balanceSchema>;
