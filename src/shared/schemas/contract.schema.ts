import { z } from 'zod';
import { contractStatuses, rateTypes } from '../domain/contract.machine.ts';
import { idSchema, pageQuerySchema } from './common.schema.ts';
import { fileSchema } from './notification.schema.ts';
import { amountMinorSchema, currencySchema, dateSchema, moneySchema } from './money.schema.ts';

const termsShape = {
  title: z.string().trim().min(1).max(200),
  /** Rich text (HTML); sanitized on the server to a small allow-list. */
  scopeHtml: z.string().max(50_000),
  rateType: z.enum(rateTypes),
  rateAmountMinor: amountMinorSchema,
  currency: currencySchema,
  startDate: dateSchema,
  endDate: dateSchema.nullable(),
  ipClause: z.string().trim().max(10_000),
  noticePeriodDays: z.number().int().min(0).max(3650),
};

export const createContractSchema = z
  .object({
    engagementId: idSchema,
    ...termsShape,
    endDate: termsShape.endDate.default(null),
    ipClause: termsShape.ipClause.default(''),
    noticePeriodDays: termsShape.noticePeriodDays.default(0),
    scopeHtml: termsShape.scopeHtml.default(''),
  })
  .strict();

export const updateContractSchema = z.object(termsShape).partial().strict();

export const renewContractSchema = z.object({ endDate: dateSchema, note: z.string().trim().max(2000).optional() }).strict();

export const contractListQuerySchema = z
  .object({
    engagementId: idSchema.optional(),
    status: z.enum(contractStatuses).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .extend(pageQuerySchema.shape)
  .strict();

export const contractTermsSchema = z.object({
  title: z.string(),
  scopeHtml: z.string(),
  rateType: z.enum(rateTypes),
  rateAmountMinor: z.number(),
  currency: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  ipClause: z.string(),
  noticePeriodDays: z.number(),
});

export const contractRevisionSchema = z.object({
  id: z.string(),
  number: z.number(),
  kind: z.enum(['activation', 'revision', 'renewal']),
  terms: contractTermsSchema,
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  abilities: z.object({ acknowledge: z.boolean() }),
});

export const contractSchema = contractTermsSchema.extend({
  id: z.string(),
  status: z.enum(contractStatuses),
  revision: z.number(),
  /** Bumped by every edit and status change; the ETag is `"<version>"`; a PATCH sends it back in If-Match. */
  version: z.number().int(),
  engagementId: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  contractor: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Revisions the contractor has not acknowledged yet. */
  unacknowledgedRevisions: z.number(),
  summary: z.object({
    leftToDeliver: z.array(moneySchema),
    approvedUnpaid: z.array(moneySchema),
    paid: z.array(moneySchema),
    milestones: z.object({ open: z.number(), submitted: z.number(), changesRequested: z.number(), approved: z.number(), paid: z.number() }),
  }),
  documents: z.array(fileSchema),
  abilities: z.object({
    edit: z.boolean(),
    activate: z.boolean(),
    end: z.boolean(),
    terminate: z.boolean(),
    renew: z.boolean(),
    addMilestone: z.boolean(),
    manageDocuments: z.boolean(),
  }),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractListItemSchema = contractSchema.omit({ scopeHtml: true, ipClause: true, documents: true });

export const attachFileSchema = z.object({ fileId: idSchema }).strict();
