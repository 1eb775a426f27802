import { z } from 'zod';
import { contractorMemberRoles, staffRoles } from '../domain/roles.ts';

export const membershipSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    key: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
    role: z.enum(staffRoles),
  }),
  z.object({
    kind: z.literal('contractor'),
    key: z.string(),
    contractorId: z.string(),
    contractorName: z.string(),
    role: z.enum(contractorMemberRoles),
  }),
  z.object({
    kind: z.literal('technician'),
    key: z.string(),
    contractorId: z.string(),
    contractorName: z.string(),
    technicianId: z.string(),
  }),
]);
export type Membership = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    twoFactorEnabled: z.boolean(),
    hasPassword: z.boolean(),
  }),
  memberships: z.array(membershipSchema),
  current: z.string().nullable(),
  /** True when the current organization requires two-factor sign-in and this user has not enrolled. */
  mustEnrolTwoFactor: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const magicLinkRedeemSchema = z.object({ token: z.string().min(16).max(200) }).strict();
