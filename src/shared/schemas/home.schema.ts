import { z } from 'zod';
import { invoiceStatuses } from '../domain/invoice.machine.ts';
import { milestoneStatuses } from '../domain/milestone.machine.ts';
import { paymentStatuses } from '../domain/payment.machine.ts';
import { paymentMethods } from '../domain/payment.rules.ts';

/** How many of the list's next rows a Home shows; the count says how many there are in all. */
export const HOME_LIST_LIMIT = 5;

export const homeMilestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  status: z.enum(milestoneStatuses),
  amountMinor: z.number(),
  currency: z.string(),
  contractId: z.string(),
  contractTitle: z.string(),
  /** Still pending the day after its due date, in its organization's time zone. */
  overdue: z.boolean(),
});

export const homeRevisionSchema = z.object({
  contractId: z.string(),
  contractTitle: z.string(),
  number: z.number(),
  kind: z.enum(['activation', 'revision', 'renewal']),
  createdAt: z.string(),
});

export const homeInvitationSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  kind: z.enum(['staff', 'contractor', 'contractor_member', 'technician']),
  expiresAt: z.string(),
});

/** A count of everything in a list, and its first rows. */
function section<T extends z.ZodType>(item: T) {
  return z.object({ count: z.number(), items: z.array(item) });
}

/** A payment on a Home: what it is, from or to whom, when it left and when it should arrive. */
export const homePaymentSchema = z.object({
  id: z.string(),
  /** The other party: the organization on the contractor's Home, the contractor on the company's. */
  partyName: z.string(),
  description: z.string().nullable(),
  amountMinor: z.number(),
  currency: z.string(),
  status: z.enum(paymentStatuses),
  method: z.enum(paymentMethods).nullable(),
  reference: z.string().nullable(),
  sentOn: z.string().nullable(),
  expectedOn: z.string().nullable(),
  proofFileId: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ confirmReceipt: z.boolean(), dispute: z.boolean() }),
});

export const homeInvoiceSchema = z.object({
  id: z.string(),
  number: z.string(),
  partyName: z.string(),
  totalMinor: z.number(),
  currency: z.string(),
  status: z.enum(invoiceStatuses),
  issueOn: z.string(),
  rejectReason: z.string().nullable(),
});

/** What is approved and not paid yet with one organization, in one currency. */
export const homeBalanceSchema = z.object({
  organizationId: z.string(),
  organizationName: z.string(),
  currency: z.string(),
  amountMinor: z.number(),
  count: z.number(),
});

/** The contractor's money: "when am I getting paid?" on one screen. */
export const contractorMoneySchema = z.object({
  balances: z.array(homeBalanceSchema),
  /** Sent and not confirmed yet: confirm receipt or dispute; soonest expected first. */
  upcoming: section(homePaymentSchema),
  /** Disputed, waiting for the organization's answer. */
  disputed: section(homePaymentSchema),
  /** The last payments sent, newest first. */
  recent: z.array(homePaymentSchema),
  /** Rejected invoices without a correction yet. */
  invoicesRejected: section(homeInvoiceSchema),
});

/** The company's money: what to send or approve, disputes, invoices, totals per currency. */
export const staffMoneySchema = z.object({
  totals: z.array(
    z.object({
      currency: z.string(),
      draftMinor: z.number(),
      draftCount: z.number(),
      inFlightMinor: z.number(),
      inFlightCount: z.number(),
    }),
  ),
  /** Drafts that may be sent now (no second approval pending). */
  toSend: section(homePaymentSchema),
  /** Drafts waiting for a second approver under the four-eyes rule. */
  toApprove: section(homePaymentSchema),
  disputes: section(homePaymentSchema),
  invoicesToReview: section(homeInvoiceSchema),
});

export const staffHomeSchema = z.object({
  kind: z.literal('staff'),
  /** Milestones submitted, waiting for someone to approve them or ask for changes. */
  toReview: section(homeMilestoneSchema),
  /** Not approved yet, and past their due date. */
  overdue: section(homeMilestoneSchema),
  /** Contract revisions the contractor has not acknowledged yet. */
  unacknowledged: section(homeRevisionSchema),
  /** Invitations sent and not accepted, revoked or expired. */
  invitations: section(homeInvitationSchema),
  money: staffMoneySchema,
});

export const contractorHomeSchema = z.object({
  kind: z.literal('contractor'),
  /** Open work: not submitted yet (or sent back), soonest due first. */
  toDeliver: section(homeMilestoneSchema),
  /** Sent back by the company with a reason: needs another submission. */
  changesRequested: section(homeMilestoneSchema),
  /** Submitted and waiting for the company's review. */
  inReview: section(homeMilestoneSchema),
  /** Contract terms to acknowledge (the first is the contract itself). */
  unacknowledged: section(homeRevisionSchema),
  /** Team invitations sent and waiting (admins only; empty for others). */
  invitations: section(homeInvitationSchema),
  money: contractorMoneySchema,
});

export const otherHomeSchema = z.object({ kind: z.enum(['technician', 'none']) });

export const homeSchema = z.discriminatedUnion('kind', [staffHomeSchema, contractorHomeSchema, otherHomeSchema]);

export type Home = z.infer<typeof homeSchema>;
export type HomePayment = z.infer<typeof homePaymentSchema>;
export type HomeInvoice = z.infer<typeof homeInvoiceSchema>;
export type ContractorMoney = z.infer<typeof contractorMoneySchema>;
export type StaffMoney = z.infer<typeof staffMoneySchema>;
