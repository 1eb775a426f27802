import { contractStatuses, rateTypes } from '../../../shared/domain/contract.machine.ts';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './auth.schema.ts';
import { isCurrencyCode, isOneOf, isPositive } from './checks.ts';
import { files } from './platform.schema.ts';
import { contractors, engagements, organizations } from './tenancy.schema.ts';

export const contracts = pgTable(
  'contracts',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    engagementId: text('engagement_id').notNull(),
    title: text('title').notNull(),
    scopeHtml: text('scope_html').notNull(),
    rateType: text('rate_type', { enum: rateTypes }).notNull(),
    rateAmountMinor: bigint('rate_amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    ipClause: text('ip_clause').notNull(),
    noticePeriodDays: integer('notice_period_days').notNull(),
    status: text('status', { enum: contractStatuses }).notNull(),
    /** The number of the latest revision; 0 while a draft. */
    revision: integer('revision').notNull().default(0),
    /** Bumped by every edit and status change: the ETag, compared on PATCH (If-Match). */
    version: integer('version').notNull().default(1),
    createdByUserId: text('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('contracts_status_ck', isOneOf(t.status, contractStatuses)),
    check('contracts_rate_type_ck', isOneOf(t.rateType, rateTypes)),
    check('contracts_currency_ck', isCurrencyCode(t.currency)),
    check('contracts_rate_amount_ck', isPositive(t.rateAmountMinor)),
    index('contracts_organization_idx').on(t.organizationId, t.status),
    index('contracts_contractor_idx').on(t.contractorId, t.status),
    index('contracts_engagement_idx').on(t.engagementId, t.organizationId, t.contractorId),
    index('contracts_created_by_idx').on(t.createdByUserId),
    /** The contract list's keyset order (recently changed first), one per side. */
    index('contracts_organization_list_idx').on(t.organizationId, t.updatedAt, t.id),
    index('contracts_contractor_list_idx').on(t.contractorId, t.updatedAt, t.id),
    unique('contracts_scope_uq').on(t.id, t.organizationId, t.contractorId),
    foreignKey({
      name: 'contracts_engagement_fk',
      columns: [t.engagementId, t.organizationId, t.contractorId],
      foreignColumns: [engagements.id, engagements.organizationId, engagements.contractorId],
    }),
  ],
);

/**
 * Each contract's milestones summed by status and currency, as the contract lists and pages show
 * them: `[status, currency, exact sum as text, count]` per pair, ordered by status and currency.
 * Kept by the database, not the app: a trigger on milestones (migration 0018) writes a contract's
 * row again from its milestones when a transaction that changed them commits, so every way a
 * milestone changes (created, edited, moved through its machine, deleted) is counted, once per
 * contract and transaction, and a list reads one row per contract instead of summing its
 * milestones. No row: no milestones.
 */
export const contractMilestoneTotals = pgTable(
  'contract_milestone_totals',
  {
    contractId: text('contract_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    sums: json('sums').$type<Array<[status: string, currency: string, amountMinor: string, count: number]>>().notNull(),
    /** The transaction that wrote the row (pg_current_xact_id): its other changes to the contract's milestones skip the sum. */
    refreshedIn: bigint('refreshed_in', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'contract_milestone_totals_pk', columns: [t.contractId, t.organizationId, t.contractorId] }),
    foreignKey({
      name: 'contract_milestone_totals_contract_fk',
      columns: [t.contractId, t.organizationId, t.contractorId],
      foreignColumns: [contracts.id, contracts.organizationId, contracts.contractorId],
    }).onDelete('cascade'),
  ],
);

/** The terms as they stood at each activation, change or renewal; acknowledged by the contractor. */
export const contractRevisions = pgTable(
  'contract_revisions',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    number: integer('number').notNull(),
    kind: text('kind', { enum: ['activation', 'revision', 'renewal'] }).notNull(),
    terms: jsonb('terms').notNull(),
    changes: jsonb('changes').notNull(),
    note: text('note'),
    createdByUserId: text('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedByUserId: text('acknowledged_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('contract_revisions_number_uq').on(t.contractId, t.number),
    index('contract_revisions_scope_idx').on(t.contractId, t.organizationId, t.contractorId),
    index('contract_revisions_organization_idx').on(t.organizationId),
    index('contract_revisions_contractor_idx').on(t.contractorId),
    index('contract_revisions_created_by_idx').on(t.createdByUserId),
    index('contract_revisions_acknowledged_by_idx').on(t.acknowledgedByUserId),
    foreignKey({
      name: 'contract_revisions_contract_fk',
      columns: [t.contractId, t.organizationId, t.contractorId],
      foreignColumns: [contracts.id, contracts.organizationId, contracts.contractorId],
    }).onDelete('cascade'),
  ],
);

export const contractDocuments = pgTable(
  'contract_documents',
  {
    id: text('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    fileId: text('file_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contract_documents_uq').on(t.contractId, t.fileId),
    index('contract_documents_scope_idx').on(t.contractId, t.organizationId, t.contractorId),
    index('contract_documents_file_idx').on(t.fileId, t.organizationId, t.contractorId),
    index('contract_documents_organization_idx').on(t.organizationId),
    index('contract_documents_contractor_idx').on(t.contractorId),
    foreignKey({
      name: 'contract_documents_contract_fk',
      columns: [t.contractId, t.organizationId, t.contractorId],
      foreignColumns: [contracts.id, contracts.organizationId, contracts.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'contract_documents_file_fk',
      columns: [t.fileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);
