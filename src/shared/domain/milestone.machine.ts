import type { Machine } from './machine.ts';

export const milestoneStatuses = ['open', 'submitted', 'changes_requested', 'approved', 'paid'] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export const milestoneEvents = ['submit', 'approve', 'request_changes', 'mark_paid'] as const;
export type MilestoneEvent = (typeof milestoneEvents)[number];

/**
 * open ──submit──▶ submitted ──approve──▶ approved ──(payment sent)──▶ paid
 *                     │
 *                     └──request changes (reason)──▶ changes_requested ──submit──▶ submitted
 */
export const milestoneMachine: Machine<MilestoneStatus, MilestoneEvent> = {
  submit: { from: ['open', 'changes_requested'], to: 'submitted', actors: ['contractor'] },
  approve: { from: ['submitted'], to: 'approved', actors: ['staff', 'system'] },
  request_changes: { from: ['submitted'], to: 'changes_requested', actors: ['staff'] },
  mark_paid: { from: ['approved'], to: 'paid', actors: ['system'] },
};

/** The company's two lists. */
export const pendingMilestoneStatuses: readonly MilestoneStatus[] = ['open', 'submitted', 'changes_requested'];
export const approvedMilestoneStatuses: readonly MilestoneStatus[] = ['approved', 'paid'];

/** Amount and due date are frozen from approval on. */
export function isMilestoneFrozen(status: MilestoneStatus): boolean {
  return approvedMilestoneStatuses.includes(status);
}

/** Overdue: still pending (not approved yet) the day after its due date (`today` as YYYY-MM-DD). */
export function isMilestoneOverdue(row: { status: MilestoneStatus; dueDate: string }, today: string): boolean {
  return pendingMilestoneStatuses.includes(row.status) && row.dueDate < today;
}

export const milestoneStatusLabels: Record<MilestoneStatus, string> = {
  open: 'Open',
  submitted: 'Ready for review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  paid: 'Paid',
};
