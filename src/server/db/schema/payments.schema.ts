import { paymentStatuses } from '../../../shared/domain/payment.machine.ts';
import { paymentMethods, paymentNoteSides, paymentSources } from '../../../shared/domain/payment.rules.ts';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth.schema.ts';
import { isCurrencyCode, isOneOf, isPositive } from './checks.ts';
import { invoices } from './invoices.schema.ts';
import { milestones } from './milestones.schema.ts';
import { files } from './platform.schema.ts';
import { engagements, organizations } from './tenancy.schema.ts';

/**
 * Drafts sent together in one request: one method, one sent date, one expected arrival, and
 * optionally one proof for all of them (the organization's file; each payment then carries its
 * own files row of the same bytes, so a contractor sees the proof through its own payment).
 */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdByUserId: text('created_by_user_id')
      .notNull()
      .references(() => users.id),
    method: text('method', { enum: paymentMethods }).notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    expectedOn: date('expected_on', { mode: 'string' }),
    proofFileId: text('proof_file_id').references(() => files.id),
    paymentCount: integer('payment_count').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payment_batches_method_ck', isOneOf(t.method, paymentMethods)),
    check('payment_batches_count_ck', sql`${t.paymentCount} > 0`),
    index('payment_batches_organization_list_idx').on(t.organizationId, t.createdAt, t.id),
    index('payment_batches_created_by_idx').on(t.createdByUserId),
    index('payment_batches_proof_file_idx').on(t.proofFileId),
    unique('payment_batches_scope_uq').on(t.id, t.organizationId),
  ],
);

/**
 * Payouts. Amounts are always positive: a correction of a sent payment is a new payment
 * (source `adjustment`, `adjusts_payment_id`) that pays the difference; an overpayment is not
 * recorded as a negative payment (Portico records money the company sends, not money returned).
 * So every payment that is not cancelled is an approved amount, and it is paid once sent:
 * balance = approved − paid = the sum of drafts, per currency.
 */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    engagementId: text('engagement_id').notNull(),
    source: text('source', { enum: paymentSources }).notNull(),
    milestoneId: text('milestone_id'),
    /** The invoice this payment settles (its own draft, or a milestone's draft linked when the invoice is approved). */
    invoiceId: text('invoice_id'),
    /** What it is for (a milestone's title, an invoice's number, or what staff typed). */
    description: text('description'),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull(),
    method: text('method', { enum: paymentMethods }),
    reference: text('reference'),
    proofFileId: text('proof_file_id'),
    sentOn: date('sent_on', { mode: 'string' }),
    expectedOn: date('expected_on', { mode: 'string' }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    sentByUserId: text('sent_by_user_id').references(() => users.id),
    batchId: text('batch_id'),
    /** The sent payment this one corrects (source `adjustment`). */
    adjustsPaymentId: text('adjusts_payment_id'),
    cancelReason: text('cancel_reason'),
    /** The four-eyes approval: the second staff member (never the creator nor the sender). */
    secondApprovedByUserId: text('second_approved_by_user_id').references(() => users.id),
    secondApprovedAt: timestamp('second_approved_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    /** Bumped by every change: the ETag of the payment. */
    version: integer('version').notNull().default(1),
    createdByUserId: text('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** Exactly one payment per milestone, whatever the concurrency. */
    uniqueIndex('payments_milestone_uq').on(t.milestoneId),
    check('payments_status_ck', isOneOf(t.status, paymentStatuses)),
    check('payments_source_ck', isOneOf(t.source, paymentSources)),
    check('payments_method_ck', isOneOf(t.method, paymentMethods)),
    check('payments_currency_ck', isCurrencyCode(t.currency)),
    check('payments_amount_ck', isPositive(t.amountMinor)),
    check('payments_adjustment_ck', sql`(${t.source} = 'adjustment') = (${t.adjustsPaymentId} is not null)`),
    index('payments_milestone_scope_idx').on(t.milestoneId, t.organizationId, t.contractorId),
    index('payments_engagement_idx').on(t.engagementId, t.organizationId, t.contractorId),
    /** The Pay contractors list per status, newest first, and the contractor's list likewise. */
    index('payments_organization_list_idx').on(t.organizationId, t.status, t.createdAt, t.id),
    index('payments_contractor_list_idx').on(t.contractorId, t.status, t.createdAt, t.id),
    /**
     * Totals per currency and status: an index-only aggregate per side (the contractor's per
     * organization too: its Home's balance per company).
     */
    index('payments_organization_totals_idx').on(t.organizationId, t.status, t.currency, t.amountMinor),
    index('payments_contractor_totals_idx').on(t.contractorId, t.status, t.organizationId, t.currency, t.amountMinor),
    /**
     * The Homes' short lists, each read in its order up to its first rows instead of sorting every
     * payment of a status (a contractor with 1,000 sent payments: ~4 ms a list on PGlite): on the
     * way by expected arrival, and disputed ones newest sent first. Whole indexes, not partial: a
     * prepared statement's generic plan, whose status is a parameter, can use them.
     */
    index('payments_contractor_arrival_idx').on(t.contractorId, t.status, t.expectedOn, t.sentOn, t.id),
    index('payments_contractor_sent_idx').on(t.contractorId, t.status, t.sentOn, t.id),
    index('payments_organization_sent_idx').on(t.organizationId, t.status, t.sentOn, t.id),
    /** Payment history (statements, exports) by the day sent, per side: keyset batches over (sent_on, id). */
    index('payments_organization_history_idx').on(t.organizationId, t.sentOn, t.id).where(sql`sent_on is not null`),
    index('payments_contractor_history_idx').on(t.contractorId, t.sentOn, t.id).where(sql`sent_on is not null`),
    index('payments_created_by_idx').on(t.createdByUserId),
    index('payments_sent_by_idx').on(t.sentByUserId),
    index('payments_second_approved_by_idx').on(t.secondApprovedByUserId),
    index('payments_batch_idx').on(t.batchId, t.organizationId),
    index('payments_adjusts_idx').on(t.adjustsPaymentId, t.organizationId, t.contractorId),
    index('payments_proof_file_idx').on(t.proofFileId, t.organizationId, t.contractorId),
    foreignKey({
      name: 'payments_engagement_fk',
      columns: [t.engagementId, t.organizationId, t.contractorId],
      foreignColumns: [engagements.id, engagements.organizationId, engagements.contractorId],
    }),
    index('payments_invoice_idx').on(t.invoiceId, t.organizationId, t.contractorId),
    foreignKey({
      name: 'payments_invoice_fk',
      columns: [t.invoiceId, t.organizationId, t.contractorId],
      foreignColumns: [invoices.id, invoices.organizationId, invoices.contractorId],
    }),
    foreignKey({
      name: 'payments_milestone_fk',
      columns: [t.milestoneId, t.organizationId, t.contractorId],
      foreignColumns: [milestones.id, milestones.organizationId, milestones.contractorId],
    }),
    foreignKey({
      name: 'payments_proof_file_fk',
      columns: [t.proofFileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
    foreignKey({
      name: 'payments_batch_fk',
      columns: [t.batchId, t.organizationId],
      foreignColumns: [paymentBatches.id, paymentBatches.organizationId],
    }),
    /**
     * A plain key (a composite one would need a unique constraint on the payments table, added
     * after the foreign keys in the same generated migration): the service copies the parties
     * from the payment it read through the scope.
     */
    foreignKey({ name: 'payments_adjusts_fk', columns: [t.adjustsPaymentId], foreignColumns: [t.id] }),
  ],
);

/** The notes of a dispute, from either side, each with an optional file (more proof). */
export const paymentNotes = pgTable(
  'payment_notes',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => users.id),
    side: text('side', { enum: paymentNoteSides }).notNull(),
    body: text('body').notNull(),
    fileId: text('file_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('payment_notes_side_ck', isOneOf(t.side, paymentNoteSides)),
    check('payment_notes_body_ck', sql`char_length(${t.body}) between 1 and 4000`),
    index('payment_notes_payment_idx').on(t.paymentId, t.organizationId, t.contractorId, t.createdAt),
    index('payment_notes_organization_id_idx').on(t.organizationId),
    index('payment_notes_contractor_id_idx').on(t.contractorId),
    index('payment_notes_author_idx').on(t.authorUserId),
    index('payment_notes_file_idx').on(t.fileId, t.organizationId, t.contractorId),
    /** Plain, as payments_adjusts_fk: the parties are copied from the payment read through the scope. */
    foreignKey({ name: 'payment_notes_payment_fk', columns: [t.paymentId], foreignColumns: [payments.id] }),
    foreignKey({
      name: 'payment_notes_file_fk',
      columns: [t.fileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);

/**
 * The four-eyes rule of an organization (off by default: no row, or `enabled` false) with its
 * threshold per currency (`[{ currency, minAmountMinor }]`, validated at the edge): a draft at or
 * above the threshold of its currency needs a second approver before it is sent.
 */
export const paymentApprovalRules = pgTable(
  'payment_approval_rules',
  {
    organizationId: text('organization_id')
      .primaryKey()
      .references(() => organizations.id),
    enabled: boolean('enabled').notNull().default(false),
    thresholds: jsonb('thresholds').$type<Array<{ currency: string; minAmountMinor: number }>>().notNull().default([]),
    /** Bumped by every edit: the ETag of the setting, compared on PUT (If-Match). */
    version: integer('version').notNull().default(1),
    updatedByUserId: text('updated_by_user_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payment_approval_rules_updated_by_idx').on(t.updatedByUserId)],
);
