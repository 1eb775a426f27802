import type { Machine } from './machine.ts';

export const paymentStatuses = ['draft', 'sent', 'received', 'disputed', 'cancelled'] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

export const paymentEvents = ['send', 'cancel', 'confirm_receipt', 'dispute', 'resolve_as_sent', 'resolve_as_received'] as const;
export type PaymentEvent = (typeof paymentEvents)[number];

/**
 * draft ──send──▶ sent ──confirm receipt──▶ received
 *   │               │
 *   └─cancel        └──dispute (note)──▶ disputed ──resolve──▶ sent | received
 */
export const paymentMachine: Machine<PaymentStatus, PaymentEvent> = {
  send: { from: ['draft'], to: 'sent', actors: ['staff', 'system'] },
  cancel: { from: ['draft'], to: 'cancelled', actors: ['staff'] },
  confirm_receipt: { from: ['sent'], to: 'received', actors: ['contractor'] },
  dispute: { from: ['sent'], to: 'disputed', actors: ['contractor'] },
  resolve_as_sent: { from: ['disputed'], to: 'sent', actors: ['staff'] },
  resolve_as_received: { from: ['disputed'], to: 'received', actors: ['staff', 'contractor'] },
};
