import { z } from 'zod';
import { engagementStatuses, staffRoles } from '../domain/roles.ts';
import { pageQuerySchema } from './common.schema.ts';

export const abilitiesSchema = z.record(z.string(), z.boolean());

export const organizationSchema = z.object({
  id: z.string(),
  name: z.string(),
  requireTwoFactor: z.boolean(),
  autoApproveDays: z.number().nullable(),
  createdAt: z.string(),
  abilities: abilitiesSchema,
});

export const updateOrganizationSchema = z
  .object({
    name: z.string().trim().min(1).max(160).optional(),
    requireTwoFactor: z.boolean().optional(),
    /** Approve submitted milestones automatically after this many days in review; null turns it off. */
    autoApproveDays: z.number().int().min(1).max(90).nullable().optional(),
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
