import { z } from 'zod';
import { engagementStatuses, staffRoles } from '../domain/roles.ts';
import { pageQuerySchema } from './common.schema.ts';
import { canonicalTimeZone, isTimeZone } from '../domain/time-zone.ts';

/** An IANA time zone name (`Europe/London`, `UTC`), in its canonical spelling. */
export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(isTimeZone, 'Not a time zone name: use an IANA name such as Europe/London or UTC.')
  .transform(canonicalTimeZone);

export const abilitiesSchema = z.record(z.string(), z.boolean());

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  requireTwoFactor: z.boolean(),
  autoApproveDays: z.number().nullable(),
  /** IANA time zone: the organization's calendar for "today", overdue, reminders and auto-approval. */
  timeZone: z.string(),
  /** Bumped by every change of the settings; the ETag is `"<version>"`; a PATCH sends it back in If-Match. */
  version: z.number().int(),
  createdAt: z.string(),
  abilities: abilitiesSchema,
});

export const updateOrganizationSchema = z
  .object({
    name: z.string().trim().min(1).max(160).optional(),
    requireTwoFactor: z.boolean().optional(),
    /** Approve submitted milestones automatically after this many days in review; null turns it off. */
    autoApproveDays: z.number().int().min(1).max(90).nullable().optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();

export const staffMemberSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(staffRoles),
  createdAt: z.string(),
});

export const engagementSchema = z.object({
  id: z.string(),
  status: z.enum(engagementStatuses),
  organization: z.object({ id: z.string(), name: z.string() }),
  contractor: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  abilities: abilitiesSchema,
});
export type Engagement = z.infer<typeof engagementSchema>;

export const engagementListQuerySchema = z
  .object({
    status: z.enum(engagementStatuses).optional(),
    q: z.string().trim().max(100).optional(),
  })
  .extend(pageQuerySchema.shape)
  .strict();
