import { contractorMemberRoles, engagementStatuses, invitationKinds, staffRoles } from '../../../shared/domain/roles.ts';
import { boolean, check, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './auth.schema.ts';
import { isOneOf } from './checks.ts';

export const organizations = pgTable('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
  /** Approve a milestone automatically after this many days in review; null = off. */
  autoApproveDays: integer('auto_approve_days'),
  /** IANA time zone: the organization's calendar ("today", overdue, reminders, auto-approval days). */
  timeZone: text('time_zone').notNull().default('UTC'),
  /** Bumped by every edit: the ETag of the settings, compared on PATCH (If-Match). */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const staffMembers = pgTable(
  'staff_members',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: staffRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_members_org_user_uq').on(t.organizationId, t.userId),
    index('staff_members_user_id_idx').on(t.userId),
    index('staff_members_list_idx').on(t.organizationId, t.createdAt, t.id),
  ],
);

export const contractors = pgTable('contractors', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const contractorMembers = pgTable(
  'contractor_members',
  {
    id: text('id').primaryKey(),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: contractorMemberRoles }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contractor_members_contractor_user_uq').on(t.contractorId, t.userId),
    index('contractor_members_user_id_idx').on(t.userId),
  ],
);

export const technicians = pgTable(
  'technicians',
  {
    id: text('id').primaryKey(),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The name the contractor knows them by (null: the person's own name). */
    name: text('name'),
    mobile: text('mobile'),
    /** Removed from the crew: no membership, no sign-in links; their past work stays on the record. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /** Bumped by every edit: the ETag, compared on PATCH (If-Match). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('technicians_contractor_user_uq').on(t.contractorId, t.userId),
    index('technicians_user_id_idx').on(t.userId),
    /** The crew list's keyset order. */
    index('technicians_contractor_list_idx').on(t.contractorId, t.createdAt, t.id),
  ],
);

/** Links one organization and one contractor; everything contractor-visible hangs off it. */
export const engagements = pgTable(
  'engagements',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    status: text('status', { enum: engagementStatuses }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('engagements_status_ck', isOneOf(t.status, engagementStatuses)),
    uniqueIndex('engagements_org_contractor_uq').on(t.organizationId, t.contractorId),
    /** The engagement list's keyset order, one per side. */
    index('engagements_organization_list_idx').on(t.organizationId, t.createdAt, t.id),
    index('engagements_contractor_list_idx').on(t.contractorId, t.createdAt, t.id),
    /** Target of the composite foreign keys that keep organization and contractor consistent. */
    unique('engagements_scope_uq').on(t.id, t.organizationId, t.contractorId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: invitationKinds }).notNull(),
    organizationId: text('organization_id').references(() => organizations.id),
    contractorId: text('contractor_id').references(() => contractors.id),
    engagementId: text('engagement_id'),
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** The business name staff typed when inviting a contractor: what they see until it accepts. */
    businessName: text('business_name'),
    role: text('role'),
    tokenHash: text('token_hash').notNull().unique(),
    invitedByUserId: text('invited_by_user_id')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invitations_organization_list_idx').on(t.organizationId, t.createdAt, t.id),
    index('invitations_contractor_list_idx').on(t.contractorId, t.createdAt, t.id),
    index('invitations_engagement_idx').on(t.engagementId, t.organizationId, t.contractorId),
    index('invitations_invited_by_idx').on(t.invitedByUserId),
    index('invitations_email_idx').on(t.email),
    foreignKey({
      name: 'invitations_engagement_fk',
      columns: [t.engagementId, t.organizationId, t.contractorId],
      foreignColumns: [engagements.id, engagements.organizationId, engagements.contractorId],
    }),
  ],
);
