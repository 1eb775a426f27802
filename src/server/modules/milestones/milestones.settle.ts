import { milestoneMachine } from '../../../shared/domain/milestone.machine.ts';
import { systemActor } from '../../access/actor.ts';
import { applyTransition } from '../../access/transition.ts';
import type { Tx } from '../../db/client.ts';

/**
 * approved → paid when the milestone's payment is sent, in the sending transaction (Portico fires
 * `mark_paid`; the person who sent the payment is named on the audit). Imports nothing of the
 * payments module, so that module may call it without a cycle.
 */
export async function markMilestonePaidInTransaction(tx: Tx, milestoneId: string, byUserId: string, ip?: string): Promise<void> {
  await applyTransition(tx, {
    table: 'milestones',
    machine: milestoneMachine,
    event: 'mark_paid',
    id: milestoneId,
    by: systemActor(byUserId, ip),
    entityType: 'milestone',
    what: 'The milestone of this payment',
  });
}
