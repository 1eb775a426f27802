import type { Machine } from './machine.ts';

export const paymentStatuses = ['draft', 'sent', 'received', 'disputed', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentEvents = ['approve', 'send', 'cancel', 'confirm_receipt', 'dispute', 'resolve_as_sent', 'resolve_as_received'] as const;
export type PaymentEvent = (typeof paymentEvents)[number];

/**
 * draft ──send──▶ sent ──confirm receipt──▶ received
 *   │ ╰approve╯     │
 *   └─cancel        └──dispute (note)──▶ disputed ──resolve (note, proof)──▶ sent | received
 *
 * `approve` is the four-eyes approval: it keeps the payment a draft and records the second
 * approver. Whether a draft needs it (the organization's rule and threshold) and who may give it
 * (not the creator) are guards the policies add (`paymentAbilities`); `send` is refused while a
 * draft that needs approval has none.
 */
export const paymentMachine: Machine<PaymentStatus, PaymentEvent> = {
  approve: { from: ['draft'], to: 'draft', actors: ['staff'] },
  send: { from: ['draft'], to: 'sent', actors: ['staff', 'system'] },
  cancel: { from: ['draft'], to: 'cancelled', actors: ['staff'] },
  confirm_receipt: { from: ['sent'], to: 'received', actors: ['contractor'] },
  dispute: { from: ['sent'], to: 'disputed', actors: ['contractor'] },
  resolve_as_sent: { from: ['disputed'], to: 'sent', actors: ['staff'] },
  resolve_as_received: { from: ['disputed'], to: 'received', actors: ['staff', 'contractor'] },
};

/** Statuses in which the money has left the company: the contractor's balance no longer counts them. */
export const paidPaymentStatuses: readonly PaymentStatus[] = ['sent', 'disputed', 'received'];
