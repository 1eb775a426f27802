import type { Machine } from './machine.ts';

export const invoiceStatuses = ['submitted', 'approved', 'rejected', 'withdrawn', 'paid'] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

export const invoiceEvents = ['approve', 'reject', 'withdraw', 'mark_paid'] as const;
export type InvoiceEvent = (typeof invoiceEvents)[number];

/**
 * submitted ──approve──▶ approved ──(no draft payment left)──▶ paid
 *     │
 *     ├──reject (reason)──▶ rejected   (the contractor may submit a correction linked to it)
 *     └──withdraw──▶ withdrawn         (the contractor takes it back before review)
 *
 * Withdraw exists so that a contractor who submitted a wrong invoice need not wait for the
 * company to reject it; it is possible only before review (`submitted`). A rejected or withdrawn
 * invoice is final: it frees its number and its milestones for another invoice.
 */
export const invoiceMachine: Machine<InvoiceStatus, InvoiceEvent> = {
  approve: { from: ['submitted'], to: 'approved', actors: ['staff'] },
  reject: { from: ['submitted'], to: 'rejected', actors: ['staff'] },
  withdraw: { from: ['submitted'], to: 'withdrawn', actors: ['contractor'] },
  mark_paid: { from: ['approved'], to: 'paid', actors: ['system'] },
};

/** An invoice that still counts: it holds its number and its milestones. */
export const liveInvoiceStatuses: readonly InvoiceStatus[] = ['submitted', 'approved', 'paid'];
/** An invoice that no longer counts; a rejected one may be corrected. */
export const closedInvoiceStatuses: readonly InvoiceStatus[] = ['rejected', 'withdrawn'];
/** A correction may be submitted for an invoice in these statuses (and without a live correction yet). */
export const correctableInvoiceStatuses: readonly InvoiceStatus[] = ['rejected'];

export function isInvoiceLive(status: InvoiceStatus): boolean {
  return liveInvoiceStatuses.includes(status);
}

export const invoiceStatusLabels: Record<InvoiceStatus, string> = {
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  paid: 'Paid',
};
