import { z } from 'zod';
import { milestoneStatuses } from '../domain/milestone.machine.ts';

/** How many of the list's next rows a Home shows; the count says how many there are in all. */
export const HOME_LIST_LIMIT = 5;

export const homeMilestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  status: z.enum(milestoneStatuses),
  amountMinor: z.number(),
  currency: z.string(),
  contractId: z.string(),
  contractTitle: z.string(),
  /** Still pending the day after its due date, in its organization's time zone. */
  overdue: z.boolean(),
});

export const homeRevisionSchema = z.object({
  contractId: z.string(),
  contractTitle: z.string(),
  number: z.number(),
  kind: z.enum(['activation', 'revision', 'renewal']),
  createdAt: z.string(),
});

export const homeInvitationSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  kind: z.enum(['staff', 'contractor', 'contractor_member', 'technician']),
  expiresAt: z.string(),
});

/** A count of everything in a list, and its first rows. */
function section<T extends z.ZodType>(item: T) {
  return z.object({ count: z.number(), items: z.array(item) });
}

export const staffHomeSchema = z.object({
  kind: z.literal('staff'),
  /** Milestones submitted, waiting for someone to approve them or ask for changes. */
  toReview: section(homeMilestoneSchema),
  /** Not approved yet, and past their due date. */
  overdue: section(homeMilestoneSchema),
  /** Contract revisions the contractor has not acknowledged yet. */
  unacknowledged: section(homeRevisionSchema),
  /** Invitations sent and not accepted, revoked or expired. */
  invitations: section(homeInvitationSchema),
});

export const contractorHomeSchema = z.object({
  kind: z.literal('contractor'),
  /** Open work: not submitted yet (or sent back), soonest due first. */
  toDeliver: section(homeMilestoneSchema),
  /** Sent back by the company with a reason: needs another submission. */
  changesRequested: section(homeMilestoneSchema),
  /** Submitted and waiting for the company's review. */
  inReview: section(homeMilestoneSchema),
  /** Contract terms to acknowledge (the first is the contract itself). */
  unacknowledged: section(homeRevisionSchema),
  /** Team invitations sent and waiting (admins only; empty for others). */
  invitations: section(homeInvitationSchema),
});

export const otherHomeSchema = z.object({ kind: z.enum(['technician', 'none']) });

export const homeSchema = z.discriminatedUnion('kind', [staffHomeSchema, contractorHomeSchema, otherHomeSchema]);

export type Home = z.infer<typeof homeSchema>;
