import { z } from 'zod';
import { accreditationTypes, jobDocumentKinds, jobPriorities, taskPhotoRules, taskResults } from '../domain/accreditations.ts';
import { jobStatuses } from '../domain/job.machine.ts';
import { idSchema } from './common.schema.ts';
import { amountMinorSchema, currencySchema, dateSchema } from './money.schema.ts';
import { fileSchema } from './notification.schema.ts';

const reasonSchema = (what: string) => z.string().trim().min(1, what).max(2000);
export const accreditationListSchema = z.array(z.enum(accreditationTypes)).max(accreditationTypes.length);

/** The fields of a job the company writes (create, edit, CSV import), each without a default: what an edit may send. */
const jobFieldShapes = {
  siteName: z.string().trim().min(1, 'Name the site.').max(200),
  siteAddress: z.string().trim().min(1, 'Give the site address.').max(500),
  description: z.string().trim().max(10_000),
  dueOn: dateSchema,
  priority: z.enum(jobPriorities),
  poNumber: z.string().trim().max(64).nullable(),
  poAmountMinor: amountMinorSchema.nullable(),
  poCurrency: currencySchema.nullable(),
  accessDetails: z.string().trim().max(5000),
  requiredAccreditations: accreditationListSchema,
};

/** A new job's fields, with the defaults of what may be left out. */
export const jobFieldsSchema = z.object({
  ...jobFieldShapes,
  description: jobFieldShapes.description.default(''),
  priority: jobFieldShapes.priority.default('normal'),
  poNumber: jobFieldShapes.poNumber.default(null),
  poAmountMinor: jobFieldShapes.poAmountMinor.default(null),
  poCurrency: jobFieldShapes.poCurrency.default(null),
  accessDetails: jobFieldShapes.accessDetails.default(''),
  requiredAccreditations: jobFieldShapes.requiredAccreditations.default([]),
});

const poTogether = (v: { poAmountMinor?: number | null; poCurrency?: string | null }) =>
  (v.poAmountMinor === null || v.poAmountMinor === undefined) === (v.poCurrency === null || v.poCurrency === undefined);
const poMessage = { message: 'Give the purchase order amount and its currency together, or neither.', path: ['poCurrency'] };

export const createJobSchema = jobFieldsSchema
  .extend({
    engagementId: idSchema,
    templateId: idSchema.optional(),
    /** Files uploaded for the engagement (POST /api/files?engagementId=…): the company's documents for the contractor. */
    fileIds: z.array(idSchema).max(20).default([]),
  })
  .strict()
  .refine(poTogether, poMessage);

/** An edit: only the fields sent change (no defaults). */
export const updateJobSchema = z.object(jobFieldShapes).partial().strict();

export const jobListQuerySchema = z
  .object({
    status: z.enum(jobStatuses).optional(),
    engagementId: idSchema.optional(),
    dueFrom: dateSchema.optional(),
    dueTo: dateSchema.optional(),
    /** Text in the site, address, PO number or description. */
    q: z.string().trim().max(100).optional(),
    sort: z.enum(['due', 'created']).default('due'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const acceptJobSchema = z.object({ targetOn: dateSchema.nullable().default(null) }).strict();
export const rejectJobSchema = z.object({ reason: reasonSchema('Say why you reject the job.') }).strict();
export const cancelJobSchema = z.object({ reason: reasonSchema('Say why the job is cancelled.') }).strict();
export const sendBackJobSchema = z.object({ reason: reasonSchema('Say what must be done again.') }).strict();
export const reassignJobSchema = z.object({ engagementId: idSchema.optional() }).strict();
export const closeJobSchema = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export const scheduleJobSchema = z.object({ scheduledOn: dateSchema }).strict();

export const completeJobSchema = z
  .object({
    performedOn: dateSchema,
    documents: z
      .array(z.object({ fileId: idSchema, kind: z.enum(['invoice', 'report', 'quote']) }).strict())
      .min(1, 'Upload at least one invoice, report or quote.')
      .max(20),
  })
  .strict();

export const addJobDocumentsSchema = z.object({ fileIds: z.array(idSchema).min(1).max(20) }).strict();

export const templateTaskSchema = z
  .object({
    title: z.string().trim().min(1, 'Name the task.').max(300),
    resultRequired: z.boolean().default(true),
    defectsAllowed: z.boolean().default(true),
    photos: z.enum(taskPhotoRules).default('optional'),
  })
  .strict();

export const jobTemplateInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the template.').max(200),
    description: z.string().trim().max(5000).default(''),
    tasks: z.array(templateTaskSchema).max(200).default([]),
  })
  .strict();

export const jobTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  tasks: z.array(templateTaskSchema.extend({ position: z.number().int() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Edit and delete: the organization's owners, admins and managers. */
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});

export const jobTemplateListSchema = z.object({
  items: z.array(jobTemplateSchema),
  nextCursor: z.string().nullable(),
  abilities: z.object({ create: z.boolean() }),
});

/** What the caller's role may do with jobs at all (the list page's buttons). */
export const jobRoleAbilitiesSchema = z.object({
  create: z.boolean(),
  import: z.boolean(),
  export: z.boolean(),
  manageTemplates: z.boolean(),
  accept: z.boolean(),
  reject: z.boolean(),
});

export const jobAbilitiesSchema = z.object({
  accept: z.boolean(),
  reject: z.boolean(),
  reassign: z.boolean(),
  schedule: z.boolean(),
  start: z.boolean(),
  requireRevisit: z.boolean(),
  perform: z.boolean(),
  complete: z.boolean(),
  close: z.boolean(),
  sendBack: z.boolean(),
  cancel: z.boolean(),
  archive: z.boolean(),
  edit: z.boolean(),
  manageDocuments: z.boolean(),
  assignTechnicians: z.boolean(),
  invoice: z.boolean(),
  readOnly: z.boolean(),
});

export const jobSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(jobStatuses),
  siteName: z.string(),
  siteAddress: z.string(),
  description: z.string(),
  dueOn: z.string(),
  priority: z.enum(jobPriorities),
  poNumber: z.string().nullable(),
  poAmountMinor: z.number().nullable(),
  poCurrency: z.string().nullable(),
  accessDetails: z.string(),
  requiredAccreditations: z.array(z.string()),
  targetOn: z.string().nullable(),
  scheduledOn: z.string().nullable(),
  performedOn: z.string().nullable(),
  rejectReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  sendBackReason: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
  engagementId: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  contractor: z.object({ id: z.string(), name: z.string() }),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: jobAbilitiesSchema,
});

export const jobTaskSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  resultRequired: z.boolean(),
  defectsAllowed: z.boolean(),
  photos: z.enum(taskPhotoRules),
  result: z.enum(taskResults).nullable(),
  remarks: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const jobDocumentSchema = z.object({
  id: z.string(),
  side: z.enum(['company', 'contractor']),
  kind: z.enum(jobDocumentKinds),
  file: fileSchema,
  addedAt: z.string(),
});

export const jobHistoryEntrySchema = z.object({
  event: z.string(),
  fromStatus: z.string(),
  toStatus: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const jobDetailSchema = jobSchema.extend({
  tasks: z.array(jobTaskSchema),
  documents: z.array(jobDocumentSchema),
  technicians: z.array(z.object({ id: z.string(), name: z.string(), flagOverrideConfirmed: z.boolean() })),
  history: z.array(jobHistoryEntrySchema),
});

/** A refused CSV row: its line number (the header is row 1) and each problem, with the column at fault (null: the whole row). */
export const jobImportRefusalSchema = z.object({
  row: z.number().int(),
  problems: z.array(z.object({ column: z.string().nullable(), reason: z.string() })),
});
export const jobImportResultSchema = z.object({
  /** `preview`: nothing written; `imported`: the accepted rows were written in one transaction. */
  mode: z.enum(['preview', 'imported']),
  totalRows: z.number().int(),
  accepted: z.number().int(),
  refused: z.array(jobImportRefusalSchema),
  /** The refusals listed stop at this many; `refusedCount` counts them all. */
  refusedCount: z.number().int(),
  imported: z.number().int(),
});

export type JobDetail = z.infer<typeof jobDetailSchema>;
export type JobListItem = z.infer<typeof jobSchema>;
