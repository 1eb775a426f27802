import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  accreditationTypes,
  jobDocumentKinds,
  jobDocumentSides,
  jobPriorities,
  taskPhotoRules,
  taskResults,
} from '../../../shared/domain/accreditations.ts';
import { jobStatuses } from '../../../shared/domain/job.machine.ts';
import { users } from './auth.schema.ts';
import { allOneOf, isCurrencyCode, isOneOf, isPositive } from './checks.ts';
import { poKeyOf, priorityRankOf, scheduledKeyOf, searchDocumentOf, siteKeyOf, statusRankOf } from './jobs.desk.keys.ts';
import { files } from './platform.schema.ts';
import { contractors, engagements, organizations, technicians } from './tenancy.schema.ts';

/**
 * Jobs (work orders): a company's field or maintenance job, assigned to the contractor of the
 * engagement it hangs off. Status via the job machine (`src/shared/domain/job.machine.ts`).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    engagementId: text('engagement_id').notNull(),
    /** Per organization, from 1: what people call the job ("Job 1042"). */
    number: integer('number').notNull(),
    siteName: text('site_name').notNull(),
    siteAddress: text('site_address').notNull(),
    description: text('description').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    priority: text('priority', { enum: jobPriorities }).notNull().default('normal'),
    poNumber: text('po_number'),
    poAmountMinor: bigint('po_amount_minor', { mode: 'number' }),
    poCurrency: text('po_currency'),
    accessDetails: text('access_details').notNull().default(''),
    requiredAccreditations: text('required_accreditations').array().notNull().default(sql`'{}'::text[]`),
    /** The contractor's aim, given when accepting. */
    targetOn: date('target_on', { mode: 'string' }),
    /** When the contractor plans to be on site (schedule, bulk edit). */
    scheduledOn: date('scheduled_on', { mode: 'string' }),
    /** The actual on-site date, given when completing. */
    performedOn: date('performed_on', { mode: 'string' }),
    status: text('status', { enum: jobStatuses }).notNull(),
    rejectReason: text('reject_reason'),
    cancelReason: text('cancel_reason'),
    sendBackReason: text('send_back_reason'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Bumped by every edit and status change: the ETag, compared on PATCH (If-Match). */
    version: integer('version').notNull().default(1),
    createdByUserId: text('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('jobs_status_ck', isOneOf(t.status, jobStatuses)),
    check('jobs_priority_ck', isOneOf(t.priority, jobPriorities)),
    check('jobs_po_currency_ck', isCurrencyCode(t.poCurrency)),
    check('jobs_po_amount_ck', isPositive(t.poAmountMinor)),
    check('jobs_po_amount_currency_ck', sql`(${t.poAmountMinor} is null) = (${t.poCurrency} is null)`),
    check('jobs_required_accreditations_ck', allOneOf(t.requiredAccreditations, accreditationTypes)),
    uniqueIndex('jobs_organization_number_uq').on(t.organizationId, t.number),
    unique('jobs_scope_uq').on(t.id, t.organizationId, t.contractorId),
    // The contractor's desk view: filter by status, sort by due, scheduled date, organization; keyset (key, id).
    index('jobs_contractor_status_due_idx').on(t.contractorId, t.status, t.dueOn, t.id),
    index('jobs_contractor_due_idx').on(t.contractorId, t.dueOn, t.id),
    index('jobs_contractor_scheduled_idx').on(t.contractorId, t.scheduledOn, t.id),
    index('jobs_contractor_organization_due_idx').on(t.contractorId, t.organizationId, t.dueOn, t.id),
    index('jobs_contractor_created_idx').on(t.contractorId, t.createdAt, t.id),
    // The desk's other sorts, each (contractor_id, key…, id) on the expression the query sorts by (jobs.desk.keys.ts).
    index('jobs_contractor_status_rank_idx').on(t.contractorId, statusRankOf(t.status), t.dueOn, t.id),
    index('jobs_contractor_priority_rank_idx').on(t.contractorId, priorityRankOf(t.priority), t.dueOn, t.id),
    index('jobs_contractor_scheduled_key_idx').on(t.contractorId, scheduledKeyOf(t.scheduledOn), t.id),
    index('jobs_contractor_site_idx').on(t.contractorId, siteKeyOf(t.siteName), t.id),
    index('jobs_contractor_po_idx').on(t.contractorId, poKeyOf(t.poNumber), t.id),
    /** The desk's search: words of the site, address, PO number and description. */
    index('jobs_search_idx').using('gin', searchDocumentOf(t)),
    // The company's list: by status and due date, or newest first.
    index('jobs_organization_status_due_idx').on(t.organizationId, t.status, t.dueOn, t.id),
    index('jobs_organization_due_idx').on(t.organizationId, t.dueOn, t.id),
    index('jobs_organization_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('jobs_engagement_idx').on(t.engagementId, t.organizationId, t.contractorId),
    index('jobs_created_by_idx').on(t.createdByUserId),
    foreignKey({
      name: 'jobs_engagement_fk',
      columns: [t.engagementId, t.organizationId, t.contractorId],
      foreignColumns: [engagements.id, engagements.organizationId, engagements.contractorId],
    }),
  ],
);

/** The technicians a contractor put on a job; a technician sees only the jobs listed here for them. */
export const jobTechnicians = pgTable(
  'job_technicians',
  {
    id: text('id').primaryKey(),
    jobId: text('job_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    /** A technician of `contractor_id`: the service reads it through the contractor's scope before inserting. */
    technicianId: text('technician_id')
      .notNull()
      .references(() => technicians.id, { onDelete: 'cascade' }),
    assignedByUserId: text('assigned_by_user_id')
      .notNull()
      .references(() => users.id),
    /** Assigned although an accreditation flag was shown (missing, expired or expiring), confirmed by the assigner. */
    flagOverrideConfirmed: boolean('flag_override_confirmed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_technicians_uq').on(t.jobId, t.technicianId),
    index('job_technicians_scope_idx').on(t.jobId, t.organizationId, t.contractorId),
    /** The technician scope: "jobs assigned to me", and the technician column of the desk view. */
    index('job_technicians_technician_idx').on(t.technicianId, t.contractorId, t.jobId),
    index('job_technicians_organization_idx').on(t.organizationId),
    index('job_technicians_contractor_idx').on(t.contractorId),
    index('job_technicians_assigned_by_idx').on(t.assignedByUserId),
    foreignKey({
      name: 'job_technicians_job_fk',
      columns: [t.jobId, t.organizationId, t.contractorId],
      foreignColumns: [jobs.id, jobs.organizationId, jobs.contractorId],
    }).onDelete('cascade'),
  ],
);

/**
 * A job's service tasks (its checklist), copied from a template when the job is created. What
 * must be recorded is fixed here; the answers (result, remarks, who and when) are filled on site
 * (the technician-on-site issue adds defects and photos in their own tables).
 */
export const jobTasks = pgTable(
  'job_tasks',
  {
    id: text('id').primaryKey(),
    jobId: text('job_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    resultRequired: boolean('result_required').notNull(),
    defectsAllowed: boolean('defects_allowed').notNull(),
    photos: text('photos', { enum: taskPhotoRules }).notNull(),
    result: text('result', { enum: taskResults }),
    remarks: text('remarks'),
    answeredByUserId: text('answered_by_user_id').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('job_tasks_photos_ck', isOneOf(t.photos, taskPhotoRules)),
    check('job_tasks_result_ck', isOneOf(t.result, taskResults)),
    uniqueIndex('job_tasks_position_uq').on(t.jobId, t.position),
    unique('job_tasks_scope_uq').on(t.id, t.organizationId, t.contractorId),
    index('job_tasks_scope_idx').on(t.jobId, t.organizationId, t.contractorId),
    index('job_tasks_organization_idx').on(t.organizationId),
    index('job_tasks_contractor_idx').on(t.contractorId),
    index('job_tasks_answered_by_idx').on(t.answeredByUserId),
    foreignKey({
      name: 'job_tasks_job_fk',
      columns: [t.jobId, t.organizationId, t.contractorId],
      foreignColumns: [jobs.id, jobs.organizationId, jobs.contractorId],
    }).onDelete('cascade'),
  ],
);

/** The organization's checklists for jobs; a job copies one's tasks when it is created. */
export const jobTemplates = pgTable(
  'job_templates',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdByUserId: text('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('job_templates_name_uq').on(t.organizationId, t.name),
    unique('job_templates_scope_uq').on(t.id, t.organizationId),
    index('job_templates_list_idx').on(t.organizationId, t.createdAt, t.id),
    index('job_templates_created_by_idx').on(t.createdByUserId),
  ],
);

export const jobTemplateTasks = pgTable(
  'job_template_tasks',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id').notNull(),
    organizationId: text('organization_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    resultRequired: boolean('result_required').notNull(),
    defectsAllowed: boolean('defects_allowed').notNull(),
    photos: text('photos', { enum: taskPhotoRules }).notNull(),
  },
  (t) => [
    check('job_template_tasks_photos_ck', isOneOf(t.photos, taskPhotoRules)),
    uniqueIndex('job_template_tasks_position_uq').on(t.templateId, t.position),
    index('job_template_tasks_scope_idx').on(t.templateId, t.organizationId),
    index('job_template_tasks_organization_idx').on(t.organizationId),
    foreignKey({
      name: 'job_template_tasks_template_fk',
      columns: [t.templateId, t.organizationId],
      foreignColumns: [jobTemplates.id, jobTemplates.organizationId],
    }).onDelete('cascade'),
  ],
);

/** Files on a job: the company's documents for the contractor, and the contractor's invoice, report or quote. */
export const jobDocuments = pgTable(
  'job_documents',
  {
    id: text('id').primaryKey(),
    jobId: text('job_id').notNull(),
    organizationId: text('organization_id').notNull(),
    contractorId: text('contractor_id').notNull(),
    fileId: text('file_id').notNull(),
    side: text('side', { enum: jobDocumentSides }).notNull(),
    kind: text('kind', { enum: jobDocumentKinds }).notNull(),
    addedByUserId: text('added_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('job_documents_side_ck', isOneOf(t.side, jobDocumentSides)),
    check('job_documents_kind_ck', isOneOf(t.kind, jobDocumentKinds)),
    /** The company adds documents; the contractor's side is what completes the job. */
    check('job_documents_side_kind_ck', sql`(${t.side} = 'company') = (${t.kind} = 'document')`),
    uniqueIndex('job_documents_uq').on(t.jobId, t.fileId),
    index('job_documents_scope_idx').on(t.jobId, t.organizationId, t.contractorId),
    index('job_documents_file_idx').on(t.fileId, t.organizationId, t.contractorId),
    index('job_documents_organization_idx').on(t.organizationId),
    index('job_documents_contractor_idx').on(t.contractorId),
    index('job_documents_added_by_idx').on(t.addedByUserId),
    foreignKey({
      name: 'job_documents_job_fk',
      columns: [t.jobId, t.organizationId, t.contractorId],
      foreignColumns: [jobs.id, jobs.organizationId, jobs.contractorId],
    }).onDelete('cascade'),
    foreignKey({
      name: 'job_documents_file_fk',
      columns: [t.fileId, t.organizationId, t.contractorId],
      foreignColumns: [files.id, files.organizationId, files.contractorId],
    }),
  ],
);

/** A technician's licences and inductions: type (the shared list), number, expiry, a scan. */
export const technicianAccreditations = pgTable(
  'technician_accreditations',
  {
    id: text('id').primaryKey(),
    contractorId: text('contractor_id')
      .notNull()
      .references(() => contractors.id),
    /** A technician of `contractor_id` (checked by the technicians service, as for job_technicians). */
    technicianId: text('technician_id')
      .notNull()
      .references(() => technicians.id, { onDelete: 'cascade' }),
    type: text('type', { enum: accreditationTypes }).notNull(),
    number: text('number').notNull().default(''),
    expiresOn: date('expires_on', { mode: 'string' }),
    fileId: text('file_id').references(() => files.id),
    /** Bumped by every edit: the ETag, compared on PATCH (If-Match). */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('technician_accreditations_type_ck', isOneOf(t.type, accreditationTypes)),
    index('technician_accreditations_technician_idx').on(t.technicianId, t.contractorId, t.type),
    /** Expiry reminders walk accreditations by expiry date. */
    index('technician_accreditations_expiry_idx').on(t.expiresOn, t.contractorId),
    index('technician_accreditations_contractor_idx').on(t.contractorId, t.createdAt, t.id),
    index('technician_accreditations_file_idx').on(t.fileId),
  ],
);
