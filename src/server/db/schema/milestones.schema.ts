import { milestoneStatuses } from '../../../shared/domain/milestone.machine.ts';
import { bigint, check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.schema.ts';
import { isCurrencyCode, isOneOf, isPositive } from './checks.ts';
import { contracts } from './contracts.schema.ts';
import { files } from './platform.schema.ts';

export const milestones = pgTable(
  'milestones',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    contractId: text('contract_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: milestoneStatuses }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    /** Bumped by every edit and status change: the ETag, compared on PATCH (If-Match). */
    version: integer('version').notNull().default(1),
    createdByUserId: text('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('milestones_status_ck', isOneOf(t.status, milestoneStatuses)),
    check('milestones_currency_ck', isCurrencyCode(t.currency)),
    check('milestones_amount_ck', isPositive(t.amountMinor)),
    index('milestones_organization_list_idx').on(t.organizationId, t.status, t.dueDate, t.id),
    index('milestones_contractor_list_idx').on(t.contractorId, t.status, t.dueDate, t.id),
    /** The lists walk milestones in due-date order and stop after a page. */
    index('milestones_organization_due_idx').on(t.organizationId, t.dueDate, t.id),
    index('milestones_contractor_due_idx').on(t.contractorId, t.dueDate, t.id),
    index('milestones_contract_idx').on(t.contractId, t.organizationId, t.contractorId),
    index('milestones_submitted_idx').on(t.status, t.submittedAt),
    index('milestones_created_by_idx').on(t.createdByUserId),
    unique('milestones_scope_uq').on(t.id, t.organizationId, t.contractorId),
    foreignKey({
      name: 'milestones_contract_fk',
      columns: [t.contractId, t.organizationId, t.contractorId],
      foreignColumns: [contracts.id, contracts.organizationId, contracts.contractorId],
    }),
  ],
);

export const milestoneAttachments = pgTable(
  'milestone_attachments',
  {
    id: text('id').primaryKey(),
    milestoneId: text('milestone_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    fileId: text('file_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('milestone_attachments_uq').on(t.milestoneId, t.fileId),
    index('milestone_attachments_scope_idx').on(t.milestoneId, t.organizationId, t.contractorId),
    index('milestone_attachments_file_idx').on(t.fileId, t.organizationId, t.contractorId),
    index('milestone_attachments_organization_idx').on(t.organizationId),
    index('milestone_attachments_contractor_idx').on(t.contractorId),
    foreignKey({
      name: 'milestone_attachments_milestone_fk',
      columns: [t.milestoneId, t.organizationId, t.contractorId],
      foreignColumns: [milestones.id, milestones.organizationId, milestones.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'milestone_attachments_file_fk',
      columns: [t.fileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);

/** Each "Ready for review" is kept: files, links, a note, and how it was reviewed. */
export const milestoneSubmissions = pgTable(
  'milestone_submissions',
  {
    id: text('id').primaryKey(),
    milestoneId: text('milestone_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    version: integer('version').notNull(),
    note: text('note').notNull(),
    links: jsonb('links').$type<string[]>().notNull(),
    submittedByUserId: text('submitted_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewOutcome: text('review_outcome', { enum: ['approved', 'changes_requested'] }),
    reviewNote: text('review_note'),
    reviewedByUserId: text('reviewed_by_user_id').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('milestone_submissions_version_uq').on(t.milestoneId, t.version),
    index('milestone_submissions_scope_idx').on(t.milestoneId, t.organizationId, t.contractorId),
    index('milestone_submissions_organization_idx').on(t.organizationId),
    index('milestone_submissions_contractor_idx').on(t.contractorId),
    index('milestone_submissions_submitted_by_idx').on(t.submittedByUserId),
    index('milestone_submissions_reviewed_by_idx').on(t.reviewedByUserId),
    unique('milestone_submissions_scope_uq').on(t.id, t.organizationId, t.contractorId),
    foreignKey({
      name: 'milestone_submissions_milestone_fk',
      columns: [t.milestoneId, t.organizationId, t.contractorId],
      foreignColumns: [milestones.id, milestones.organizationId, milestones.contractorId],
    }).onDelete('cascade'),
  ],
);

export const submissionFiles = pgTable(
  'submission_files',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    fileId: text('file_id').notNull(),
  },
  (t) => [
    uniqueIndex('submission_files_uq').on(t.submissionId, t.fileId),
    index('submission_files_scope_idx').on(t.submissionId, t.organizationId, t.contractorId),
    index('submission_files_file_idx').on(t.fileId, t.organizationId, t.contractorId),
    index('submission_files_organization_idx').on(t.organizationId),
    index('submission_files_contractor_idx').on(t.contractorId),
    foreignKey({
      name: 'submission_files_submission_fk',
      columns: [t.submissionId, t.organizationId, t.contractorId],
      foreignColumns: [milestoneSubmissions.id, milestoneSubmissions.organizationId, milestoneSubmissions.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'submission_files_file_fk',
      columns: [t.fileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);
