import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './auth.schema.ts';
import { contractors, organizations } from './tenancy.schema.ts';

/**
 * Append-only audit trail. Each row is chained to the previous one of the same chain
 * (`org:<id>` or `contractor:<id>`) by hash = sha256(prevHash + canonical row).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    organizationId: text('organization_id').references(() => organizations.id),
    contractorId: text('contractor_id').references(() => contractors.id),
    actorUserId: text('actor_user_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_events_chain_seq_uq').on(t.chain, t.seq),
    index('audit_events_organization_list_idx').on(t.organizationId, t.createdAt, t.id),
    index('audit_events_contractor_list_idx').on(t.contractorId, t.createdAt, t.id),
    index('audit_events_actor_user_id_idx').on(t.actorUserId),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    organizationId: text('organization_id').references(() => organizations.id),
    contractorId: text('contractor_id').references(() => contractors.id),
    type: text('type').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** The kind a person sets channels for (shared/domain/notification.kinds.ts). */
    kind: text('kind').notNull().default('other'),
    /** What it is about (`milestone`, id), from the caller or its link: the centre groups by it. */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** `<subject_type>:<subject_id>`, or the notification's own id when it is about nothing in particular (null on older rows: each its own group). */
    groupKey: text('group_key'),
    /** Shown in the centre (the person's channel for this kind includes the app). */
    inApp: boolean('in_app').notNull().default(true),
    /** Goes out by email (the person's channel for this kind includes email). */
    byEmail: boolean('by_email').notNull().default(true),
    /** The message thread a reply by email goes to, for notifications about a message. */
    replyThreadId: text('reply_thread_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** Set when the notification went out in an email (several close together share one email). */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_list_idx').on(t.userId, t.createdAt, t.id),
    /**
     * The unread count: an index-only count of one user's unread notifications shown in the app
     * (with `in_app` outside the predicate each entry was checked in the table: a count of 1,000
     * unread cost PGlite 0.47-0.6 ms, 0.31-0.33 ms with it inside).
     */
    index('notifications_unread_idx').on(t.userId).where(sql`read_at is null and in_app`),
    /** The centre's groups and "mark this group read". */
    index('notifications_user_group_idx').on(t.userId, t.groupKey),
    index('notifications_organization_id_idx').on(t.organizationId),
    index('notifications_contractor_id_idx').on(t.contractorId),
  ],
);

/**
 * Every email Portico sends; without SMTP_URL this table is the dev mailbox. A row is the
 * dedupe key of its email: it is sent while `queued`, claimed for one attempt at a time
 * (`locked_until`), and marked `sent` right after the SMTP server accepted it.
 */
export const emails = pgTable(
  'emails',
  {
    id: text('id').primaryKey(),
    /** The organization the email is about, when there is one: its owners and admins see its delivery. */
    organizationId: text('organization_id').references(() => organizations.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** The Reply-To header, when replies come back to Portico (a signed address per thread and person). */
    replyTo: text('reply_to'),
    /** What this email is (e.g. `notifications:<user>:<first notification>`): one email per key, ever. */
    dedupeKey: text('dedupe_key'),
    status: text('status', { enum: ['queued', 'sent', 'stored', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When delivery (re)started: temporary failures are retried for a while from here. */
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the next attempt is due; the sweeper requeues rows long overdue. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** An attempt in progress holds the row until then, so that no two workers send it. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
  },
  (t) => [
    index('emails_created_at_idx').on(t.createdAt),
    uniqueIndex('emails_dedupe_key_uq').on(t.dedupeKey),
    index('emails_status_next_attempt_idx').on(t.status, t.nextAttemptAt),
    index('emails_organization_id_idx').on(t.organizationId, t.status, t.createdAt),
  ],
);

/**
 * The end of each audit chain: its last sequence number and hash, moved in the same
 * transaction as every append, so that removing the newest events is noticed.
 */
export const auditChainHeads = pgTable(
  'audit_chain_heads',
  {
    chain: text('chain').primaryKey(),
    /** Whose chain it is (as on its events): staff see their organization's head, contractor members their contractor's. */
    organizationId: text('organization_id').references(() => organizations.id),
    contractorId: text('contractor_id').references(() => contractors.id),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_chain_heads_organization_id_idx').on(t.organizationId),
    index('audit_chain_heads_contractor_id_idx').on(t.contractorId),
  ],
);

/** Uploaded files; the bytes live in Storage under their SHA-256. */
export const files = pgTable(
  'files',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').references(() => organizations.id),
    contractorId: text('contractor_id').references(() => contractors.id),
    uploadedByUserId: text('uploaded_by_user_id')
      .notNull()
      .references(() => users.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    mime: text('mime').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_organization_id_idx').on(t.organizationId),
    index('files_contractor_id_idx').on(t.contractorId),
    index('files_uploaded_by_idx').on(t.uploadedByUserId),
    index('files_sha256_idx').on(t.sha256),
    /** Target of composite foreign keys: a record may attach only files of its own organization and contractor. */
    unique('files_scope_uq').on(t.id, t.organizationId, t.contractorId),
  ],
);

/** Every status change of every machine (milestone, contract, …), written by the transition helper. */
export const statusChanges = pgTable(
  'status_changes',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    contractorId: text('contractor_id').references(() => contractors.id),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    event: text('event').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorUserId: text('actor_user_id').references(() => users.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('status_changes_entity_idx').on(t.entityType, t.entityId, t.createdAt),
    index('status_changes_organization_id_idx').on(t.organizationId),
    index('status_changes_contractor_id_idx').on(t.contractorId),
    index('status_changes_actor_user_id_idx').on(t.actorUserId),
  ],
);

/**
 * Idempotency keys of money-moving requests (`config: { idempotent: true }`, the plugin in
 * `src/server/http/idempotency.plugin.ts`): the first answer to (user, key) is kept for 24 hours
 * and replayed to every retry with the same request. `status_code` is null while the first
 * request is still running.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    /** `POST /api/payments/:id/send`: method and route pattern. */
    route: text('route').notNull(),
    /** sha256 of method, URL and the canonical JSON body. */
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    contentType: text('content_type'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'idempotency_keys_pk', columns: [t.userId, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

/**
 * A person's notification preferences: a channel per kind (absent kinds take the defaults of
 * shared/domain/notification.kinds.ts) and when emails go out. Edited with If-Match.
 */
export const notificationSettings = pgTable('notification_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  channels: jsonb('channels').$type<Record<string, string>>().notNull().default({}),
  emailSchedule: text('email_schedule', { enum: ['batched', 'daily'] })
    .notNull()
    .default('batched'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
