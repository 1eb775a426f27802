import { z } from 'zod';
import { invitationKinds, staffRoles } from '../domain/roles.ts';
import { businessNameSchema, emailSchema, personNameSchema } from './common.schema.ts';
import { passwordSchema } from './password.schema.ts';

export const inviteContractorSchema = z.object({ businessName: businessNameSchema, name: personNameSchema, email: emailSchema }).strict();

export const inviteStaffSchema = z
  .object({ name: personNameSchema, email: emailSchema, role: z.enum(staffRoles).exclude(['owner']) })
  .strict();

export const inviteMemberSchema = z.object({ name: personNameSchema, email: emailSchema, role: z.literal('office') }).strict();

export const inviteTechnicianSchema = z.object({ name: personNameSchema, email: emailSchema }).strict();

export const invitationSchema = z.object({
  id: z.string(),
  kind: z.enum(invitationKinds),
  email: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  expiresAt: z.string(),
  createdAt: z.string(),
  abilities: z.record(z.string(), z.boolean()),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationPreviewSchema = z.object({
  kind: z.enum(invitationKinds),
  email: z.string(),
  name: z.string(),
  organizationName: z.string().nullable(),
  contractorName: z.string().nullable(),
  /** False for technicians (magic link only) and for people who already have a password. */
  needsPassword: z.boolean(),
});

export const acceptInvitationSchema = z
  .object({
    token: z.string().min(16).max(200),
    name: personNameSchema.optional(),
    password: passwordSchema.optional(),
  })
  .strict();
