import { sql } from 'drizzle-orm';
import { check, doublePrecision, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { defectSeverities, visitOutcomes } from '../../../shared/domain/site-work.ts';
import { users } from './auth.schema.ts';
import { isOneOf } from './checks.ts';
import { jobs, jobTasks } from './jobs.schema.ts';
import { files } from './platform.schema.ts';
import { contractors, technicians } from './tenancy.schema.ts';

/**
 * The technician on site (issue 10): what was found on each service task (defects, photos), each
 * visit to the site ("I'm on site" until a revisit or the work is performed), the sign-off with
 * its signatures and the job report, and a person's site preferences. Written by
 * `src/server/modules/site-work`; the answers themselves (result, remarks) stay on `job_tasks`.
 */

/** Defects of a task, replaced with each answer; in the order given. */
export const jobTaskDefects = pgTable(
  'job_task_defects',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id').notNull(),
    jobId: text('job_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    severity: text('severity', { enum: defectSeverities }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('job_task_defects_severity_ck', isOneOf(t.severity, defectSeverities)),
    uniqueIndex('job_task_defects_position_uq').on(t.taskId, t.position),
    index('job_task_defects_task_idx').on(t.taskId, t.organizationId, t.contractorId),
    index('job_task_defects_job_idx').on(t.jobId, t.organizationId, t.contractorId),
    index('job_task_defects_organization_idx').on(t.organizationId),
    index('job_task_defects_contractor_idx').on(t.contractorId),
    foreignKey({
      name: 'job_task_defects_task_fk',
      columns: [t.taskId, t.organizationId, t.contractorId],
      foreignColumns: [jobTasks.id, jobTasks.organizationId, jobTasks.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'job_task_defects_job_fk',
      columns: [t.jobId, t.organizationId, t.contractorId],
      foreignColumns: [jobs.id, jobs.organizationId, jobs.contractorId],
    }).onDelete('cascade'),
  ],
);

/** Photos of a task: each a file of the job's organization and contractor (an image, checked from its bytes). */
export const jobTaskPhotos = pgTable(
  'job_task_photos',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id').notNull(),
    jobId: text('job_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    fileId: text('file_id').notNull(),
    /** The file the person uploaded (its own row); one upload is attached once per task. */
    sourceFileId: text('source_file_id')
      .notNull()
      .references(() => files.id),
    caption: text('caption'),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    addedByUserId: text('added_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_task_photos_source_uq').on(t.taskId, t.sourceFileId),
    index('job_task_photos_task_idx').on(t.taskId, t.organizationId, t.contractorId),
    index('job_task_photos_job_idx').on(t.jobId, t.organizationId, t.contractorId),
    index('job_task_photos_organization_idx').on(t.organizationId),
    index('job_task_photos_contractor_idx').on(t.contractorId),
    index('job_task_photos_file_idx').on(t.fileId, t.organizationId, t.contractorId),
    index('job_task_photos_source_idx').on(t.sourceFileId),
    index('job_task_photos_added_by_idx').on(t.addedByUserId),
    foreignKey({
      name: 'job_task_photos_task_fk',
      columns: [t.taskId, t.organizationId, t.contractorId],
      foreignColumns: [jobTasks.id, jobTasks.organizationId, jobTasks.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'job_task_photos_job_fk',
      columns: [t.jobId, t.organizationId, t.contractorId],
      foreignColumns: [jobs.id, jobs.organizationId, jobs.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'job_task_photos_file_fk',
      columns: [t.fileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);

/** A visit to the site: "I'm on site" (time, location if allowed) until a revisit (reason) or the work is performed. */
export const jobSiteVisits = pgTable(
  'job_site_visits',
  {
    id: text('id').primaryKey(),
    jobId: text('job_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** The technician who pressed it; null when the contractor's office recorded it. */
    technicianId: text('technician_id').references(() => technicians.id),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accuracyM: doublePrecision('accuracy_m'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    outcome: text('outcome', { enum: visitOutcomes }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('job_site_visits_outcome_ck', isOneOf(t.outcome, visitOutcomes)),
    check('job_site_visits_latitude_ck', sql`${t.latitude} between -90 and 90`),
    check('job_site_visits_longitude_ck', sql`${t.longitude} between -180 and 180`),
    check('job_site_visits_location_ck', sql`(${t.latitude} is null) = (${t.longitude} is null)`),
    check('job_site_visits_accuracy_ck', sql`${t.accuracyM} >= 0`),
    index('job_site_visits_job_idx').on(t.jobId, t.organizationId, t.contractorId),
    index('job_site_visits_list_idx').on(t.jobId, t.arrivedAt, t.id),
    index('job_site_visits_organization_idx').on(t.organizationId),
    index('job_site_visits_contractor_idx').on(t.contractorId),
    index('job_site_visits_user_idx').on(t.userId),
    index('job_site_visits_technician_idx').on(t.technicianId),
    foreignKey({
      name: 'job_site_visits_job_fk',
      columns: [t.jobId, t.organizationId, t.contractorId],
      foreignColumns: [jobs.id, jobs.organizationId, jobs.contractorId],
    }).onDelete('cascade'),
  ],
);

/**
 * "I've performed this work": the notes, the technician's signature (and the site contact's, when
 * given) with names and times, and the job report generated from it. One per perform; a job sent
 * back and performed again has a newer one.
 */
export const jobSignoffs = pgTable(
  'job_signoffs',
  {
    id: text('id').primaryKey(),
    jobId: text('job_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    notes: text('notes'),
    signedByUserId: text('signed_by_user_id')
      .notNull()
      .references(() => users.id),
    technicianName: text('technician_name').notNull(),
    technicianSignatureFileId: text('technician_signature_file_id').notNull(),
    technicianSignedAt: timestamp('technician_signed_at', { withTimezone: true }).notNull(),
    siteContactName: text('site_contact_name'),
    siteContactSignatureFileId: text('site_contact_signature_file_id'),
    siteContactSignedAt: timestamp('site_contact_signed_at', { withTimezone: true }),
    performedAt: timestamp('performed_at', { withTimezone: true }).notNull(),
    reportFileId: text('report_file_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'job_signoffs_site_contact_ck',
      sql`(${t.siteContactName} is null) = (${t.siteContactSignatureFileId} is null) and (${t.siteContactName} is null) = (${t.siteContactSignedAt} is null)`,
    ),
    index('job_signoffs_job_idx').on(t.jobId, t.organizationId, t.contractorId),
    index('job_signoffs_list_idx').on(t.jobId, t.createdAt, t.id),
    index('job_signoffs_organization_idx').on(t.organizationId),
    index('job_signoffs_contractor_idx').on(t.contractorId),
    index('job_signoffs_signed_by_idx').on(t.signedByUserId),
    index('job_signoffs_technician_signature_idx').on(t.technicianSignatureFileId, t.organizationId, t.contractorId),
    index('job_signoffs_site_contact_signature_idx').on(t.siteContactSignatureFileId, t.organizationId, t.contractorId),
    index('job_signoffs_report_idx').on(t.reportFileId, t.organizationId, t.contractorId),
    foreignKey({
      name: 'job_signoffs_job_fk',
      columns: [t.jobId, t.organizationId, t.contractorId],
      foreignColumns: [jobs.id, jobs.organizationId, jobs.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'job_signoffs_technician_signature_fk',
      columns: [t.technicianSignatureFileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
    foreignKey({
      name: 'job_signoffs_site_contact_signature_fk',
      columns: [t.siteContactSignatureFileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
    foreignKey({
      name: 'job_signoffs_report_fk',
      columns: [t.reportFileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);

/** A person's preferences as a contractor member or technician of one contractor: mobile number, saved signature. */
export const sitePreferences = pgTable(
  'site_preferences',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    mobile: text('mobile'),
    /** A PNG file of the contractor, uploaded by this person. */
    signatureFileId: text('signature_file_id').references(() => files.id),
    signatureSavedAt: timestamp('signature_saved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('site_preferences_mobile_ck', sql`${t.mobile} ~ '^\\+[1-9][0-9]{7,14}$'`),
    check('site_preferences_signature_ck', sql`(${t.signatureFileId} is null) = (${t.signatureSavedAt} is null)`),
    uniqueIndex('site_preferences_person_uq').on(t.userId, t.contractorId),
    index('site_preferences_contractor_idx').on(t.contractorId),
    index('site_preferences_signature_idx').on(t.signatureFileId),
  ],
);
