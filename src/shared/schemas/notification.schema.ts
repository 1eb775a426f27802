import { z } from 'zod';
import { pageQuerySchema } from './common.schema.ts';

export const notificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const auditEventSchema = z.object({
  id: z.string(),
  seq: z.number(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actorName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  createdAt: z.string(),
});

export const fileSchema = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});

export const emailDeliveryStatuses = ['queued', 'sent', 'stored', 'failed'] as const;

/** An email as its organization's owners and admins see it on the delivery page. */
export const emailDeliverySchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(emailDeliveryStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  abilities: z.object({ resend: z.boolean() }),
});
export type EmailDelivery = z.infer<typeof emailDeliverySchema>;

export const emailDeliveryQuerySchema = z
  .object({ status: z.enum(['undelivered', 'failed', 'queued']).default('undelivered') })
  .extend(pageQuerySchema.shape)
  .strict();

export const emailDeliveryPageSchema = z.object({
  items: z.array(emailDeliverySchema),
  nextCursor: z.string().nullable(),
  counts: z.object({ failed: z.number().int(), queued: z.number().int() }),
});
