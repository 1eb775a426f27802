import { date, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { technicianAccreditations } from './jobs.schema.ts';
import { contractors } from './tenancy.schema.ts';

/**
 * Expiry reminders sent to a contractor's admins: one row per accreditation, threshold (30 or 7
 * days) and expiry date, claimed before the notification is written in the same transaction, so
 * a restart or a second process never sends one twice (a renewed accreditation, with a new
 * expiry date, is reminded again).
 */
export const accreditationReminders = pgTable(
  'accreditation_reminders',
  {
    id: text('id').primaryKey(),
    accreditationId: text('accreditation_id').notNull(),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    thresholdDays: integer('threshold_days').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accreditation_reminders_uq').on(t.accreditationId, t.thresholdDays, t.expiresOn),
    index('accreditation_reminders_contractor_idx').on(t.contractorId),
    foreignKey({
      name: 'accreditation_reminders_accreditation_fk',
      columns: [t.accreditationId],
      foreignColumns: [technicianAccreditations.id],
    }).onDelete('cascade'),
  ],
);
