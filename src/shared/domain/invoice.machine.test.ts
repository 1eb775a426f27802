import { describe, expect, it } from 'vitest';
import { invoiceEvents, invoiceMachine, invoiceStatuses, isInvoiceLive } from './invoice.machine.ts';
import { canFire, eventsFrom, type MachineActor } from './machine.ts';

/** Every event from every state: the whole table, written out. */
const expected: Record<string, Record<string, string | null>> = {
  //          submitted     approved   rejected  withdrawn  paid
  approve: { submitted: 'approved', approved: null, rejected: null, withdrawn: null, paid: null },
  reject: { submitted: 'rejected', approved: null, rejected: null, withdrawn: null, paid: null },
  withdraw: { submitted: 'withdrawn', approved: null, rejected: null, withdrawn: null, paid: null },
  mark_paid: { submitted: null, approved: 'paid', rejected: null, withdrawn: null, paid: null },
};

/** Who fires each event. */
const firedBy: Record<string, MachineActor[]> = {
  approve: ['staff'],
  reject: ['staff'],
  withdraw: ['contractor'],
  mark_paid: ['system'],
};

describe('invoice machine', () => {
  for (const event of invoiceEvents)
    for (const status of invoiceStatuses)
      it(`${event} from ${status} → ${expected[event]![status] ?? 'refused'}`, () => {
        const allowed = (['staff', 'contractor', 'system'] as MachineActor[]).some((a) => canFire(invoiceMachine, event, status, a));
        expect(allowed ? invoiceMachine[event].to : null).toBe(expected[event]![status]);
      });

  for (const event of invoiceEvents)
    it(`${event} is fired by ${firedBy[event]!.join(', ')} only`, () => {
      for (const actor of ['staff', 'contractor', 'system'] as MachineActor[])
        expect(canFire(invoiceMachine, event, invoiceMachine[event].from[0]!, actor)).toBe(firedBy[event]!.includes(actor));
    });

  it('gives staff approve and reject, the contractor withdraw, from submitted only', () => {
    expect(eventsFrom(invoiceMachine, 'submitted', 'staff').sort()).toEqual(['approve', 'reject']);
    expect(eventsFrom(invoiceMachine, 'submitted', 'contractor')).toEqual(['withdraw']);
    expect(eventsFrom(invoiceMachine, 'approved', 'staff')).toEqual([]);
    expect(eventsFrom(invoiceMachine, 'approved', 'system')).toEqual(['mark_paid']);
  });

  it('counts submitted, approved and paid invoices as live', () => {
    expect(invoiceStatuses.filter(isInvoiceLive)).toEqual(['submitted', 'approved', 'paid']);
  });
});
