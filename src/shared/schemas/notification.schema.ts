import { z } from 'zod';
import { emailSchedules, notificationChannels, notificationKinds } from '../domain/notification.kinds.ts';
import { pageQuerySchema } from './common.schema.ts';

export const notificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  kind: z.enum(notificationKinds),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

/** The centre's filters: unread only, one kind. */
export const notificationFilterSchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  kind: z.enum(notificationKinds).optional(),
});

/** One entry of the centre: the notifications about one subject ("3 updates on Colour palette"). */
export const notificationGroupSchema = z.object({
  key: z.string(),
  kind: z.enum(notificationKinds),
  subject: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }).nullable(),
  /** "3 updates on Colour palette", or the one notification's title. */
  summary: z.string(),
  count: z.number().int(),
  unread: z.number().int(),
  latest: notificationSchema,
});

export const notificationGroupKeySchema = z.object({ key: z.string().min(1).max(200) }).strict();

export const notificationSettingsSchema = z.object({
  channels: z.record(z.enum(notificationKinds), z.enum(notificationChannels)),
  emailSchedule: z.enum(emailSchedules),
  version: z.number().int(),
  /** Emails about sign-in, invitations, password resets and two-factor always go. */
  securityEmails: z.literal('always'),
});

export const notificationSettingsChangeSchema = z
  .object({
    channels: z.partialRecord(z.enum(notificationKinds), z.enum(notificationChannels)).optional(),
    emailSchedule: z.enum(emailSchedules).optional(),
  })
  .strict();
export type NotificationSettingsChange = z.infer<typeof notificationSettingsChangeSchema>;

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
