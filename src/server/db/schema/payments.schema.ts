import { paymentStatuses } from '../../../shared/domain/payment.machine.ts';
import { bigint, check, foreignKey, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.schema.ts';
import { isCurrencyCode, isOneOf, isPositive } from './checks.ts';
import { invoices } from './invoices.schema.ts';
import { milestones } from './milestones.schema.ts';
import { engagements } from './tenancy.schema.ts';

/** Payouts. This issue creates drafts from approved milestones; sending them comes with the payments issue. */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    engagementId: text('engagement_id').notNull(),
    source: text('source', { enum: ['milestone', 'invoice', 'manual'] }).notNull(),
    milestoneId: text('milestone_id'),
    /** The invoice this payment settles (its own draft, or a milestone's draft linked when the invoice is approved). */
    invoiceId: text('invoice_id'),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull(),
    createdByUserId: text('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    /** Exactly one payment per milestone, whatever the concurrency. */
    uniqueIndex('payments_milestone_uq').on(t.milestoneId),
    check('payments_status_ck', isOneOf(t.status, paymentStatuses)),
    check('payments_currency_ck', isCurrencyCode(t.currency)),
    check('payments_amount_ck', isPositive(t.amountMinor)),
    index('payments_milestone_scope_idx').on(t.milestoneId, t.organizationId, t.contractorId),
    index('payments_engagement_idx').on(t.engagementId, t.organizationId, t.contractorId),
    index('payments_organization_idx').on(t.organizationId, t.status),
    index('payments_contractor_idx').on(t.contractorId, t.status),
    index('payments_created_by_idx').on(t.createdByUserId),
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
  ],
);
