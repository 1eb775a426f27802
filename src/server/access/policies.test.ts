import { describe, expect, it } from 'vitest';
import { contractMachine, contractStatuses } from '../../shared/domain/contract.machine.ts';
import { engagementMachine } from '../../shared/domain/engagement.machine.ts';
import type { Machine, MachineActor } from '../../shared/domain/machine.ts';
import { invoiceMachine, invoiceStatuses } from '../../shared/domain/invoice.machine.ts';
import { milestoneMachine, milestoneStatuses } from '../../shared/domain/milestone.machine.ts';
import { paymentMachine, paymentStatuses } from '../../shared/domain/payment.machine.ts';
import { engagementStatuses, staffRoles } from '../../shared/domain/roles.ts';
import type { Actor } from './actor.ts';
import {
  contractAbilities,
  engagementAbilities,
  milestoneAbilities,
  milestoneRoleAbilities,
  invoiceAbilities,
  paymentAbilities,
  paymentRoleAbilities,
} from './policies.ts';

/** Every kind of person, with each role. */
const actors: Array<{ name: string; actor: Actor }> = [
  ...staffRoles.map((role) => ({ name: `staff ${role}`, actor: { kind: 'staff', userId: 'u', organizationId: 'o', role } as Actor })),
  { name: 'contractor admin', actor: { kind: 'contractor', userId: 'u', contractorId: 'c', role: 'admin' } },
  { name: 'contractor office', actor: { kind: 'contractor', userId: 'u', contractorId: 'c', role: 'office' } },
  { name: 'technician', actor: { kind: 'technician', userId: 'u', contractorId: 'c', technicianId: 't' } },
  { name: 'no membership', actor: { kind: 'none', userId: 'u' } },
];

/**
 * The business's word on which roles fire which events, written here independently of the
 * policies: the machines say which kind of actor (staff, contractor); this says which roles.
 */
const rolesFiring: Record<string, readonly string[]> = {
  'contract.activate': ['staff owner', 'staff admin', 'staff manager'],
  'contract.end': ['staff owner', 'staff admin', 'staff manager'],
  'contract.terminate': ['staff owner', 'staff admin', 'staff manager'],
  'milestone.submit': ['contractor admin', 'contractor office'],
  'milestone.approve': ['staff owner', 'staff admin', 'staff manager'],
  'milestone.request_changes': ['staff owner', 'staff admin', 'staff manager'],
  'payment.approve': ['staff owner', 'staff admin', 'staff finance'],
  'payment.send': ['staff owner', 'staff admin', 'staff finance'],
  'payment.cancel': ['staff owner', 'staff admin', 'staff finance'],
  'payment.confirm_receipt': ['contractor admin', 'contractor office'],
  'payment.dispute': ['contractor admin', 'contractor office'],
  'payment.resolve_as_sent': ['staff owner', 'staff admin', 'staff finance'],
  'payment.resolve_as_received': ['staff owner', 'staff admin', 'staff finance', 'contractor admin', 'contractor office'],
  'invoice.approve': ['staff owner', 'staff admin', 'staff finance'],
  'invoice.reject': ['staff owner', 'staff admin', 'staff finance'],
  'invoice.withdraw': ['contractor admin', 'contractor office'],
  'engagement.end': ['staff owner', 'staff admin'],
  'engagement.reactivate': ['staff owner', 'staff admin'],
};

/** Events that are not buttons: fired by Portico, or as part of another action (an invitation). */
const notAbilities = new Set(['milestone.mark_paid', 'invoice.mark_paid', 'engagement.activate', 'engagement.reinvite']);

function kindOf(actor: Actor): MachineActor | null {
  return actor.kind === 'staff' ? 'staff' : actor.kind === 'contractor' ? 'contractor' : null;
}

/** What the machine alone, plus the role table, says about an event from a status. */
function expected(
  machine: Machine<string, string>,
  key: string,
  event: string,
  status: string,
  who: { name: string; actor: Actor },
): boolean {
  const kind = kindOf(who.actor);
  const transition = machine[event]!;
  return (
    kind !== null && transition.from.includes(status) && transition.actors.includes(kind) && (rolesFiring[key] ?? []).includes(who.name)
  );
}

const camel = (event: string) => event.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

const fourEyes = { enabled: true, thresholds: [{ currency: 'EUR', minAmountMinor: 100 }] };

const machines = [
  {
    name: 'contract',
    machine: contractMachine as Machine<string, string>,
    statuses: contractStatuses,
    abilities: (actor: Actor, status: string) => contractAbilities(actor, { status: status as never }) as Record<string, boolean>,
  },
  {
    name: 'milestone',
    machine: milestoneMachine as Machine<string, string>,
    statuses: milestoneStatuses,
    // On a running contract, so only the machine and the role decide.
    abilities: (actor: Actor, status: string) =>
      milestoneAbilities(actor, { status: status as never }, 'active') as Record<string, boolean>,
  },
  {
    name: 'payment',
    machine: paymentMachine as Machine<string, string>,
    statuses: paymentStatuses,
    // A draft of someone else's: approve is asked under a rule that needs it, the rest under no rule.
    abilities: (actor: Actor, status: string) => {
      const row = {
        status: status as never,
        amountMinor: 500_000,
        currency: 'EUR',
        createdByUserId: 'creator',
        secondApprovedByUserId: null,
      };
      return {
        ...paymentAbilities(actor, row, { enabled: false, thresholds: [] }),
        approve: paymentAbilities(actor, row, fourEyes).approve,
      } as Record<string, boolean>;
    },
  },
  {
    name: 'invoice',
    machine: invoiceMachine as Machine<string, string>,
    statuses: invoiceStatuses,
    // Not corrected yet: only the machine and the role decide (`correct` is not an event).
    abilities: (actor: Actor, status: string) => invoiceAbilities(actor, { status: status as never }, false) as Record<string, boolean>,
  },
  {
    name: 'engagement',
    machine: engagementMachine as Machine<string, string>,
    statuses: engagementStatuses,
    abilities: (actor: Actor, status: string) => engagementAbilities(actor, { status: status as never }) as Record<string, boolean>,
  },
];

describe('abilities derived from the machines', () => {
  for (const { name, machine, statuses, abilities } of machines) {
    const events = Object.keys(machine);
    it(`exposes every ${name} event a person fires as an ability`, () => {
      for (const event of events) {
        const key = `${name}.${event}`;
        if (notAbilities.has(key)) continue;
        expect(rolesFiring[key], `${key} has no row in the role table`).toBeDefined();
        expect(Object.keys(abilities(actors[0]!.actor, statuses[0]!))).toContain(camel(event));
      }
    });

    const cases = statuses.flatMap((status) =>
      actors.flatMap((who) => events.filter((e) => !notAbilities.has(`${name}.${e}`)).map((event) => ({ status, who, event }))),
    );
    it(`agrees with the ${name} machine for every status × event × role (${cases.length} cases)`, () => {
      const wrong = cases.filter(
        ({ status, who, event }) =>
          abilities(who.actor, status)[camel(event)] !== expected(machine, `${name}.${event}`, event, status, who),
      );
      expect(wrong.map(({ status, who, event }) => `${who.name} ${event} from ${status}`)).toEqual([]);
    });
  }

  it('keeps submit to running contracts (what the milestone machine cannot know)', () => {
    const contractor: Actor = { kind: 'contractor', userId: 'u', contractorId: 'c', role: 'office' };
    for (const contractStatus of contractStatuses)
      expect(milestoneAbilities(contractor, { status: 'open' }, contractStatus).submit).toBe(contractStatus === 'active');
  });

  it('answers the role question (403) without a row: the same as some status would', () => {
    for (const who of actors) {
      const role = milestoneRoleAbilities(who.actor);
      for (const [key, event] of [
        ['approve', 'approve'],
        ['requestChanges', 'request_changes'],
        ['submit', 'submit'],
      ] as const) {
        const someStatus = milestoneStatuses.some((status) => milestoneAbilities(who.actor, { status }, 'active')[key]);
        expect(role[key], `${who.name} ${event}`).toBe(someStatus);
      }
    }
  });
});

describe('payment guards the machine cannot know (four-eyes)', () => {
  const finance: Actor = { kind: 'staff', userId: 'finance', organizationId: 'o', role: 'finance' };
  const draft = {
    status: 'draft' as const,
    amountMinor: 500_000,
    currency: 'EUR',
    createdByUserId: 'creator',
    secondApprovedByUserId: null,
  };

  it('keeps a draft that needs approval from being sent until approved, and never by its approver', () => {
    expect(paymentAbilities(finance, draft, fourEyes)).toMatchObject({ approve: true, send: false });
    expect(paymentAbilities(finance, { ...draft, secondApprovedByUserId: 'other' }, fourEyes)).toMatchObject({
      approve: false,
      send: true,
    });
    expect(paymentAbilities(finance, { ...draft, secondApprovedByUserId: 'finance' }, fourEyes)).toMatchObject({ send: false });
  });

  it('never lets the creator approve', () => {
    expect(paymentAbilities(finance, { ...draft, createdByUserId: 'finance' }, fourEyes).approve).toBe(false);
  });

  it('answers the role question (403) without a row', () => {
    for (const who of actors) {
      const role = paymentRoleAbilities(who.actor);
      const some = (key: 'send' | 'cancel' | 'confirmReceipt' | 'dispute') =>
        paymentStatuses.some((status) => paymentAbilities(who.actor, { ...draft, status }, { enabled: false, thresholds: [] })[key]);
      expect(role.send, who.name).toBe(some('send'));
      expect(role.cancel, who.name).toBe(some('cancel'));
      expect(role.confirmReceipt, who.name).toBe(some('confirmReceipt'));
      expect(role.dispute, who.name).toBe(some('dispute'));
    }
  });
});
