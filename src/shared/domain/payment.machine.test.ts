import { describe, expect, it } from 'vitest';
import { canFire, eventsFrom, type MachineActor } from './machine.ts';
import { paymentEvents, paymentMachine, paymentStatuses } from './payment.machine.ts';
import { needsSecondApproval } from './payment.rules.ts';

/** Every event from every state: the whole table, written out (null: refused). */
const expected: Record<string, Record<string, string | null>> = {
  //                 draft      sent        received  disputed    cancelled
  approve: { draft: 'draft', sent: null, received: null, disputed: null, cancelled: null },
  send: { draft: 'sent', sent: null, received: null, disputed: null, cancelled: null },
  cancel: { draft: 'cancelled', sent: null, received: null, disputed: null, cancelled: null },
  confirm_receipt: { draft: null, sent: 'received', received: null, disputed: null, cancelled: null },
  dispute: { draft: null, sent: 'disputed', received: null, disputed: null, cancelled: null },
  resolve_as_sent: { draft: null, sent: null, received: null, disputed: 'sent', cancelled: null },
  resolve_as_received: { draft: null, sent: null, received: null, disputed: 'received', cancelled: null },
};

/** Who fires each event (the machine's kinds of actor). */
const firedBy: Record<string, MachineActor[]> = {
  approve: ['staff'],
  send: ['staff', 'system'],
  cancel: ['staff'],
  confirm_receipt: ['contractor'],
  dispute: ['contractor'],
  resolve_as_sent: ['staff'],
  resolve_as_received: ['staff', 'contractor'],
};

describe('payment machine', () => {
  for (const event of paymentEvents)
    for (const status of paymentStatuses)
      it(`${event} from ${status} → ${expected[event]![status] ?? 'refused'}`, () => {
        const allowed = (['staff', 'contractor', 'system'] as MachineActor[]).some((a) => canFire(paymentMachine, event, status, a));
        expect(allowed ? paymentMachine[event].to : null).toBe(expected[event]![status]);
      });

  for (const event of paymentEvents)
    it(`${event} is fired by ${firedBy[event]!.join(' and ')} only`, () => {
      expect([...paymentMachine[event].actors].sort()).toEqual([...firedBy[event]!].sort());
    });

  it('leaves received and cancelled final', () => {
    for (const actor of ['staff', 'contractor', 'system'] as MachineActor[]) {
      expect(eventsFrom(paymentMachine, 'received', actor)).toEqual([]);
      expect(eventsFrom(paymentMachine, 'cancelled', actor)).toEqual([]);
    }
  });
});

describe('the four-eyes rule', () => {
  const rule = { enabled: true, thresholds: [{ currency: 'EUR', minAmountMinor: 100_000 }] };
  it.each([
    ['off', { enabled: false, thresholds: rule.thresholds }, 500_000, 'EUR', false],
    ['below the threshold', rule, 99_999, 'EUR', false],
    ['at the threshold', rule, 100_000, 'EUR', true],
    ['above the threshold', rule, 100_001, 'EUR', true],
    ['a currency without a threshold', rule, 9_000_000, 'USD', false],
  ])('%s → %s', (_label, r, amountMinor, currency, needed) => {
    expect(needsSecondApproval(r, { amountMinor, currency })).toBe(needed);
  });
});
