import { z } from 'zod';
import { milestoneStatuses } from '../domain/milestone.machine.ts';
import { idSchema } from './common.schema.ts';
import { fileSchema } from './notification.schema.ts';
import { amountMinorSchema, currencySchema, dateSchema } from './money.schema.ts';

export const createMilestoneSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(10_000).default(''),
    dueDate: dateSchema,
    amountMinor: amountMinorSchema,
    currency: currencySchema,
    fileIds: z.array(idSchema).max(20).default([]),
  })
  .strict();

export const updateMilestoneSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().max(10_000),
    dueDate: dateSchema,
    amountMinor: amountMinorSchema,
    currency: currencySchema,
  })
  .partial()
  .strict();

const linkSchema = z
  .string()
  .trim()
  .max(2000)
  .url('Enter a full web address, starting with https://')
  .refine((value) => /^https?:\/\//i.test(value), 'Only http and https links are accepted.');

export const submitMilestoneSchema = z
  .object({
    fileIds: z.array(idSchema).max(20).default([]),
    links: z.array(linkSchema).max(20).default([]),
    note: z.string().trim().max(10_000).default(''),
  })
  .strict()
  .refine((s) => s.fileIds.length > 0 || s.links.length > 0 || s.note.length > 0, {
    message: 'Add at least one file, link or note to submit.',
    path: ['note'],
  });

export const approveMilestoneSchema = z.object({ note: z.string().trim().max(5000).optional() }).strict();
export const requestChangesSchema = z.object({ reason: z.string().trim().min(1, 'Say what needs to change.').max(5000) }).strict();

export const bulkApproveSchema = z
  .object({ ids: z.array(idSchema).min(1).max(100), note: z.string().trim().max(5000).optional() })
  .strict();

export const milestoneListQuerySchema = z
  .object({
    view: z.enum(['pending', 'approved', 'all']).default('all'),
    status: z.enum(milestoneStatuses).optional(),
    contractorId: idSchema.optional(),
    contractId: idSchema.optional(),
    dueFrom: dateSchema.optional(),
    dueTo: dateSchema.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();

export const submissionSchema = z.object({
  id: z.string(),
  version: z.number(),
  note: z.string(),
  links: z.array(z.string()),
  files: z.array(fileSchema),
  submittedByName: z.string().nullable(),
  createdAt: z.string(),
  review: z
    .object({
      outcome: z.enum(['approved', 'changes_requested']),
      note: z.string().nullable(),
      reviewedByName: z.string().nullable(),
      reviewedAt: z.string(),
    })
    .nullable(),
});

export const milestoneAbilitiesSchema = z.object({
  edit: z.boolean(),
  editAmountAndDueDate: z.boolean(),
  delete: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  requestChanges: z.boolean(),
  manageAttachments: z.boolean(),
});

export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  dueDate: z.string(),
  amountMinor: z.number(),
  currency: z.string(),
  status: z.enum(milestoneStatuses),
  /** Bumped by every edit and status change; the ETag is `"<version>"`; a PATCH sends it back in If-Match. */
  version: z.number().int(),
  /** Still pending after its due date, counted in the organization's time zone. */
  overdue: z.boolean(),
  /** `engagementId`: the engagement's message thread (the thread's id is the engagement's). */
  contract: z.object({ id: z.string(), title: z.string(), status: z.string(), engagementId: z.string() }),
  organization: z.object({ id: z.string(), name: z.string() }),
  contractor: z.object({ id: z.string(), name: z.string() }),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** The latest request for changes, shown to the contractor. */
  changesRequestedReason: z.string().nullable(),
  paymentId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: milestoneAbilitiesSchema,
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const milestoneDetailSchema = milestoneSchema.extend({
  attachments: z.array(fileSchema),
  submissions: z.array(submissionSchema),
});

export const bulkApproveResultSchema = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.number(), detail: z.string().nullable() })),
});
