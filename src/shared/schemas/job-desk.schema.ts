import { z } from 'zod';
import { accreditationFlagKinds } from '../domain/accreditation.flags.ts';
import { jobPriorities } from '../domain/accreditations.ts';
import { jobStatuses } from '../domain/job.machine.ts';
import { DESK_BULK_MAX, deskSorts } from '../domain/job-desk.ts';
import { idSchema } from './common.schema.ts';
import { dateSchema } from './money.schema.ts';

/**
 * The contractor's desk view (the jobs table): every job of every organization that engages
 * the contractor, sorted on any offered column, filtered, searched, paged by a keyset cursor.
 */

const statusListSchema = z
  .string()
  .max(400)
  .transform((value) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(jobStatuses, { error: `Use statuses from: ${jobStatuses.join(', ')}.` })).max(jobStatuses.length));

const flagSchema = z.enum(['true', 'false']);

/**
 * The filters of the table: the query string of the list and, unchanged, the `filter` of a bulk
 * request ("all N that match this filter"). Every value is a string, as in a URL.
 */
export const deskFilterSchema = z
  .object({
    /** Comma-separated statuses, e.g. `accepted,scheduled`. */
    status: statusListSchema.optional(),
    organizationId: idSchema.optional(),
    technicianId: idSchema.optional(),
    dueFrom: dateSchema.optional(),
    dueTo: dateSchema.optional(),
    /** `true`: only jobs with a scheduled date; `false`: only jobs without one. */
    scheduled: flagSchema.optional(),
    /** Not performed yet and past its due date (in the organization's calendar). */
    overdue: flagSchema.optional(),
    /** The contractor has something to do: accept or reject, schedule, go back, complete. */
    needsAction: flagSchema.optional(),
    /** Words of the site, address, PO number or description; each word matches a word's beginning. */
    q: z.string().trim().max(100).optional(),
  })
  .strict();
export type DeskFilter = z.infer<typeof deskFilterSchema>;
export type DeskFilterInput = z.input<typeof deskFilterSchema>;

export const deskListQuerySchema = deskFilterSchema
  .extend({
    sort: z.enum(deskSorts).default('due'),
    dir: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(400).optional(),
  })
  .strict();
export type DeskListQuery = z.infer<typeof deskListQuerySchema>;

export const deskJobAbilitiesSchema = z.object({
  accept: z.boolean(),
  reject: z.boolean(),
  /** Technicians and a scheduled date may be set (bulk edit). */
  staff: z.boolean(),
  /** "Complete task" / "Invoice this job": invoice, report or quote and the on-site date. */
  complete: z.boolean(),
});

export const deskJobSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  siteName: z.string(),
  siteAddress: z.string(),
  /** The first 200 characters of the description. */
  description: z.string(),
  status: z.enum(jobStatuses),
  priority: z.enum(jobPriorities),
  dueOn: z.string(),
  targetOn: z.string().nullable(),
  scheduledOn: z.string().nullable(),
  poNumber: z.string().nullable(),
  poAmountMinor: z.number().nullable(),
  poCurrency: z.string().nullable(),
  requiredAccreditations: z.array(z.string()),
  organization: z.object({ id: z.string(), name: z.string() }),
  technicians: z.array(z.object({ id: z.string(), name: z.string() })),
  overdue: z.boolean(),
  createdAt: z.string(),
  abilities: deskJobAbilitiesSchema,
});
export type DeskJob = z.infer<typeof deskJobSchema>;

export const deskListSchema = z.object({
  items: z.array(deskJobSchema),
  nextCursor: z.string().nullable(),
  /** On the first page only (null after): how many match, counted up to DESK_COUNT_CAP (`more`: there are more). */
  total: z.object({ count: z.number().int(), more: z.boolean() }).nullable(),
});

/** Rows of a bulk request: the ids picked, or every row matching the filter the table shows. */
export const deskSelectionSchema = z.union([
  z.object({ ids: z.array(idSchema).min(1).max(DESK_BULK_MAX) }).strict(),
  z.object({ filter: deskFilterSchema }).strict(),
]);
export type DeskSelection = z.infer<typeof deskSelectionSchema>;

export const bulkEditSchema = z
  .object({
    selection: deskSelectionSchema,
    /** The job's technicians become exactly these (at least one). */
    technicianIds: z.array(idSchema).min(1).max(20).optional(),
    /** The scheduled date: an accepted job becomes scheduled; a scheduled one is moved. */
    scheduledOn: dateSchema.optional(),
    /** Assign although a technician is flagged (missing or expiring accreditation): audited. */
    confirmFlagged: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.technicianIds !== undefined || b.scheduledOn !== undefined, {
    message: 'Pick technicians, a scheduled date, or both.',
    path: ['technicianIds'],
  });

export const bulkAcceptSchema = z.object({ selection: deskSelectionSchema, targetOn: dateSchema.optional() }).strict();
export const bulkRejectSchema = z
  .object({ selection: deskSelectionSchema, reason: z.string().trim().min(1, 'Say why you reject these jobs.').max(2000) })
  .strict();

/** Why a job of a bulk request was not changed. Another contractor's job is `not_found`, like a job that does not exist. */
export const bulkRefusalReasons = ['not_found', 'archived', 'not_accepted', 'wrong_state', 'changed_meanwhile'] as const;
export type BulkRefusalReason = (typeof bulkRefusalReasons)[number];

export const bulkResultSchema = z.object({
  /** How many jobs the selection named (ids given, or rows matching the filter). */
  selected: z.number().int(),
  changed: z.number().int(),
  changedIds: z.array(z.string()),
  refused: z.array(
    z.object({
      id: z.string(),
      reason: z.enum(bulkRefusalReasons),
      /** The job's status, for a job the contractor sees (never for `not_found`). */
      status: z.enum(jobStatuses).nullable(),
      detail: z.string(),
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const technicianFlagsQuerySchema = z.object({ selection: deskSelectionSchema, scheduledOn: dateSchema.optional() }).strict();

/** The contractor's technicians with their accreditation flags for the selected jobs (the bulk dialog). */
export const technicianFlagsSchema = z.object({
  jobs: z.number().int(),
  technicians: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.string(),
      flags: z.array(
        z.object({ kind: z.enum(accreditationFlagKinds), type: z.string(), expiresOn: z.string().nullable(), jobs: z.number().int() }),
      ),
    }),
  ),
});

export { DESK_BULK_MAX, DESK_COUNT_CAP, type DeskSort, deskSortLabels, deskSorts } from '../domain/job-desk.ts';
