import { desc, eq, sql } from 'drizzle-orm';
import { milestoneMachine } from '../../../shared/domain/milestone.machine.ts';
import { scoped } from '../../access/scoped.ts';
import { applyTransition, type TransitionBy } from '../../access/transition.ts';
import type { Tx } from '../../db/client.ts';
import { contracts, milestoneSubmissions, type milestones } from '../../db/schema/index.ts';
import { notify } from '../notifications/notifications.service.ts';
import { selectContractorMemberUserIds } from '../organizations/organizations.service.ts';
import { createDraftPaymentForMilestone } from '../payments/payments.service.ts';

type MilestoneRow = typeof milestones.$inferSelect;

/** The actor a transition is fired by, as a scope for reading further rows. */
function readerOf(by: TransitionBy) {
  return 'kind' in by ? by : by.actor;
}

export async function tellContractor(tx: Tx, row: MilestoneRow, type: string, title: string, body: string): Promise<void> {
  await notify(tx, {
    userIds: selectContractorMemberUserIds(tx, row.contractorId),
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    type,
    title,
    body,
    link: `/portal/milestones/${row.id}`,
  });
}

/** Records the review's outcome on the milestone's latest submission. */
export async function closeLatestSubmission(
  tx: Tx,
  by: TransitionBy,
  milestoneId: string,
  outcome: 'approved' | 'changes_requested',
  note: string | null,
): Promise<void> {
  const reviewerId = 'kind' in by ? by.userId : by.actor.userId;
  const latest = tx
    .select({ id: milestoneSubmissions.id })
    .from(milestoneSubmissions)
    .where(scoped(tx, readerOf(by)).childrenOf(milestoneSubmissions, milestoneSubmissions.milestoneId, milestoneId))
    .orderBy(desc(milestoneSubmissions.version))
    .limit(1);
  await tx
    .update(milestoneSubmissions)
    .set({ reviewOutcome: outcome, reviewNote: note, reviewedByUserId: reviewerId, reviewedAt: new Date() })
    .where(eq(milestoneSubmissions.id, latest));
}

/**
 * Approve: the approve event and exactly one draft payment for the milestone's amount, in one
 * transaction. A second or concurrent approval finds the milestone approved: 409.
 */
export async function approveInTransaction(
  tx: Tx,
  id: string,
  by: TransitionBy,
  note: string | null,
  current?: MilestoneRow,
): Promise<MilestoneRow> {
  const row = await applyTransition(tx, {
    current,
    table: 'milestones',
    machine: milestoneMachine,
    event: 'approve',
    id,
    by,
    entityType: 'milestone',
    what: 'This milestone',
    set: { approvedAt: new Date() },
    note,
  });
  await closeLatestSubmission(tx, by, id, 'approved', note);
  await createDraftPaymentForMilestone(tx, {
    milestoneId: id,
    organizationId: row.organizationId,
    contractorId: row.contractorId,
    engagementId: sql`(select ${contracts.engagementId} from ${contracts} where ${contracts.id} = ${row.contractId})`,
    amountMinor: row.amountMinor,
    currency: row.currency,
    description: row.title,
    actorUserId: 'kind' in by ? by.userId : by.actor.userId,
  });
  await tellContractor(
    tx,
    row,
    'milestone.approved',
    `Approved: ${row.title}`,
    `${'kind' in by ? 'Approved automatically after its review period.' : 'Approved.'}${note ? ` Note: ${note}` : ''} A payment is being prepared.`,
  );
  return row;
}
