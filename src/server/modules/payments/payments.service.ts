import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { paymentMachine } from '../../../shared/domain/payment.machine.ts';
import { systemActor } from '../../access/actor.ts';
import { applyTransition } from '../../access/transition.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { recordAudit } from '../../audit/audit.writer.ts';
import { readOrganizationToday } from '../organizations/organizations.service.ts';
import { needsSecondApprovalSql, notifyAwaitingApproval } from './payments.four-eyes.ts';

/** What the awaiting-approval notification says, returned by the insert. */
const approvalFields = {
  id: payments.id,
  organizationId: payments.organizationId,
  amountMinor: payments.amountMinor,
  currency: payments.currency,
  description: payments.description,
  createdByUserId: payments.createdByUserId,
};

export interface MilestonePaymentInput {
  milestoneId: string;
  organizationId: string;
  contractorId: string;
  /** The engagement, or a query of it (read in the insert). */
  engagementId: string | SQL;
  amountMinor: number;
  currency: string;
  /** What it is for: the milestone's title. */
  description: string;
  actorUserId: string | null;
}

/**
 * The draft payment of an approved milestone, in the approval's transaction. The unique index on
 * milestone_id makes it exactly one, whatever the concurrency.
 */
export async function createDraftPaymentForMilestone(tx: Tx, input: MilestonePaymentInput): Promise<string | null> {
  const [created] = await tx
    .insert(payments)
    .values({
      id: createId(),
      organizationId: input.organizationId,
      contractorId: input.contractorId,
      engagementId: input.engagementId,
      source: 'milestone',
      milestoneId: input.milestoneId,
      description: input.description,
      amountMinor: input.amountMinor,
      currency: input.currency,
      status: 'draft',
      createdByUserId: input.actorUserId,
    })
    .onConflictDoNothing({ target: payments.milestoneId })
    .returning({ ...approvalFields, needsApproval: needsSecondApprovalSql() });
  if (!created) return null;
  if (created.needsApproval) await notifyAwaitingApproval(tx, created);
  await recordAudit(tx, {
    actorUserId: input.actorUserId,
    organizationId: input.organizationId,
    contractorId: input.contractorId,
    action: 'payment.created',
    entityType: 'payment',
    entityId: created.id,
    after: {
      status: 'draft',
      source: 'milestone',
      milestoneId: input.milestoneId,
      amountMinor: input.amountMinor,
      currency: input.currency,
    },
  });
  return created.id;
}

/** milestone id → payment id, for the milestones given (rows the caller could already see). */
export async function findPaymentIdsByMilestone(db: Executor, milestoneIds: string[]): Promise<Map<string, string>> {
  if (milestoneIds.length === 0) return new Map();
  const rows = await db
    .select({ id: payments.id, milestoneId: payments.milestoneId })
    .from(payments)
    .where(inArray(payments.milestoneId, milestoneIds));
  return new Map(rows.map((r) => [r.milestoneId!, r.id]));
}

/**
 * draft → sent for a milestone's payment by Portico itself (`portico` demo data and the
 * milestone's own "mark paid"); people send payments with method, reference and proof through
 * `sendPayment` / `sendBatch` (payments.send.ts).
 */
export async function markMilestonePaymentSent(tx: Tx, milestoneId: string): Promise<void> {
  const [draft] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.milestoneId, milestoneId), eq(payments.status, 'draft')));
  if (!draft) return;
  // Sent today on the organization's calendar, so the payment has its place in the history and its exports.
  const now = new Date();
  await applyTransition(tx, {
    table: 'payments',
    machine: paymentMachine,
    event: 'send',
    id: draft.id,
    by: systemActor(),
    entityType: 'payment',
    what: 'This payment',
    set: { sentOn: await readOrganizationToday(tx, draft.organizationId, now), sentAt: now },
  });
}
