import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { MESSAGE_MAX_LENGTH, messageSides, messageSubjectKinds } from '../../../shared/domain/messages.ts';
import { users } from './auth.schema.ts';
import { isOneOf } from './checks.ts';
import { files } from './platform.schema.ts';
import { contractors, engagements, organizations } from './tenancy.schema.ts';

/**
 * One thread per engagement: its id IS the engagement's id, made on the first message. It keeps
 * when the last message came (the thread list's order) beside the parties, so its scope is one
 * indexed equality like every tenant row.
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: 'message_threads_engagement_fk',
      columns: [t.id, t.organizationId, t.contractorId],
      foreignColumns: [engagements.id, engagements.organizationId, engagements.contractorId],
    }),
    unique('message_threads_scope_uq').on(t.id, t.organizationId, t.contractorId),
    index('message_threads_organization_idx').on(t.organizationId, t.lastMessageAt),
    index('message_threads_contractor_idx').on(t.contractorId, t.lastMessageAt),
  ],
);

/**
 * A message of a thread: plain text (never rendered as HTML), optionally about one record of the
 * engagement (`subject_kind` + `subject_id`; `job_id` repeats a job subject so a technician's
 * scope is one indexed probe). Edited within 10 minutes by its author (`version`, `edited_at`);
 * deleted by its author: the row stays with `deleted_at` and an empty body, the audit keeps the text.
 */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    threadId: text('thread_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => users.id),
    side: text('side', { enum: messageSides }).notNull(),
    body: text('body').notNull(),
    subjectKind: text('subject_kind', { enum: messageSubjectKinds }),
    subjectId: text('subject_id'),
    jobId: text('job_id'),
    version: integer('version').notNull().default(1),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('messages_side_ck', isOneOf(t.side, messageSides)),
    check('messages_subject_kind_ck', isOneOf(t.subjectKind, messageSubjectKinds)),
    check('messages_subject_ck', sql`(${t.subjectKind} is null) = (${t.subjectId} is null)`),
    check('messages_job_ck', sql`${t.jobId} is null or (${t.subjectKind} = 'job' and ${t.subjectId} = ${t.jobId})`),
    check('messages_body_ck', sql`char_length(${t.body}) <= ${sql.raw(String(MESSAGE_MAX_LENGTH))}`),
    foreignKey({
      name: 'messages_thread_fk',
      columns: [t.threadId, t.organizationId, t.contractorId],
      foreignColumns: [messageThreads.id, messageThreads.organizationId, messageThreads.contractorId],
    }).onDelete('cascade'),
    index('messages_thread_scope_idx').on(t.threadId, t.organizationId, t.contractorId),
    /** The thread page: newest first, a keyset on (created_at, id). */
    index('messages_thread_page_idx').on(t.threadId, t.createdAt.desc(), t.id.desc()),
    index('messages_thread_subject_idx').on(t.threadId, t.subjectKind, t.subjectId, t.createdAt),
    index('messages_job_idx').on(t.jobId, t.createdAt),
    index('messages_organization_idx').on(t.organizationId),
    index('messages_contractor_idx').on(t.contractorId),
    index('messages_author_idx').on(t.authorUserId),
  ],
);

/** The files a message carries (uploaded for its engagement first, through the files module). */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    messageId: text('message_id').notNull(),
    fileId: text('file_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ name: 'message_attachments_pk', columns: [t.messageId, t.fileId] }),
    index('message_attachments_file_idx').on(t.fileId, t.organizationId, t.contractorId),
    foreignKey({ name: 'message_attachments_message_fk', columns: [t.messageId], foreignColumns: [messages.id] }).onDelete('cascade'),
    foreignKey({
      name: 'message_attachments_file_fk',
      columns: [t.fileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);

/**
 * Internal notes: what the company's staff write about an engagement for each other. A table of
 * its own, so no query of messages can ever reach one: its scope is the organization's staff, and
 * nothing else (no contractor or technician condition exists).
 */
export const internalNotes = pgTable(
  'internal_notes',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('internal_notes_body_ck', sql`char_length(${t.body}) <= ${sql.raw(String(MESSAGE_MAX_LENGTH))}`),
    foreignKey({
      name: 'internal_notes_engagement_fk',
      columns: [t.engagementId, t.organizationId, t.contractorId],
      foreignColumns: [engagements.id, engagements.organizationId, engagements.contractorId],
    }),
    index('internal_notes_engagement_idx').on(t.engagementId, t.organizationId, t.contractorId),
    index('internal_notes_page_idx').on(t.engagementId, t.createdAt.desc(), t.id.desc()),
    index('internal_notes_organization_idx').on(t.organizationId),
    index('internal_notes_contractor_idx').on(t.contractorId),
    index('internal_notes_author_idx').on(t.authorUserId),
  ],
);

/** How far each person has read a thread: the newest message they saw (unread = newer ones by others). */
export const messageReads = pgTable(
  'message_reads',
  {
    threadId: text('thread_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadMessageId: text('last_read_message_id'),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'message_reads_pk', columns: [t.threadId, t.userId] }),
    foreignKey({
      name: 'message_reads_thread_fk',
      columns: [t.threadId, t.organizationId, t.contractorId],
      foreignColumns: [messageThreads.id, messageThreads.organizationId, messageThreads.contractorId],
    }).onDelete('cascade'),
    index('message_reads_thread_scope_idx').on(t.threadId, t.organizationId, t.contractorId),
    index('message_reads_user_idx').on(t.userId),
  ],
);
