import { describe, expect, it } from 'vitest';
import { contractMachine, contractStatuses } from './contract.machine.ts';
import { canFire, eventsFrom, type MachineActor } from './machine.ts';
import { milestoneEvents, milestoneMachine, milestoneStatuses } from './milestone.machine.ts';

/** Every event from every state, for every actor: the whole table, written out. */
const expected: Record<string, Record<string, string | null>> = {
  //            open          submitted     changes_requested  approved  paid
  submit: { open: 'submitted', submitted: null, changes_requested: 'submitted', approved: null, paid: null },
  approve: { open: null, submitted: 'approved', changes_requested: null, approved: null, paid: null },
  request_changes: { open: null, submitted: 'changes_requested', changes_requested: null, approved: null, paid: null },
  mark_paid: { open: null, submitted: null, changes_requested: null, approved: 'paid', paid: null },
};

describe('milestone machine', () => {
  for (const event of milestoneEvents)
    for (const status of milestoneStatuses)
      it(`${event} from ${status} → ${expected[event]![status] ?? 'refused'}`, () => {
        const allowed = (['staff', 'contractor', 'system'] as MachineActor[]).some((a) => canFire(milestoneMachine, event, status, a));
        expect(allowed ? milestoneMachine[event].to : null).toBe(expected[event]![status]);
      });

  it('lets only contractors submit and only staff or timers approve', () => {
    expect(canFire(milestoneMachine, 'submit', 'open', 'staff')).toBe(false);
    expect(canFire(milestoneMachine, 'approve', 'submitted', 'contractor')).toBe(false);
    expect(canFire(milestoneMachine, 'approve', 'submitted', 'system')).toBe(true);
    expect(canFire(milestoneMachine, 'request_changes', 'submitted', 'system')).toBe(false);
    expect(eventsFrom(milestoneMachine, 'submitted', 'staff').sort()).toEqual(['approve', 'request_changes']);
  });
});

describe('contract machine', () => {
  it('activates drafts and ends or terminates active contracts only', () => {
    const table = contractStatuses.map((s) => [s, eventsFrom(contractMachine, s, 'staff')]);
    expect(table).toEqual([
      ['draft', ['activate']],
      ['active', ['end', 'terminate']],
      ['ended', []],
      ['terminated', []],
    ]);
    expect(eventsFrom(contractMachine, 'draft', 'contractor')).toEqual([]);
  });
});
