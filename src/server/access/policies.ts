import type { EngagementStatus } from '../../shared/domain/roles.ts';
import { forbidden } from '../lib/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Pure policies: given an actor and a row it can already see, what may it do? The answers
 * travel to the browser as `abilities`; the web shows buttons from them alone.
 */
export type Abilities = Record<string, boolean>;

function isStaff(actor: Actor, roles: readonly string[]): boolean {
  return actor.kind === 'staff' && roles.includes(actor.role);
}

export function organizationAbilities(actor: Actor) {
  return {
    update: isStaff(actor, ['owner', 'admin']),
    inviteStaff: isStaff(actor, ['owner', 'admin']),
    inviteContractor: isStaff(actor, ['owner', 'admin', 'manager']),
    viewAudit: actor.kind === 'staff',
  };
}

export function contractorAbilities(actor: Actor) {
  const admin = actor.kind === 'contractor' && actor.role === 'admin';
  return { inviteMember: admin, inviteTechnician: admin, viewAudit: actor.kind === 'contractor' };
}

export function engagementAbilities(actor: Actor, row: { status: EngagementStatus }) {
  return {
    end: isStaff(actor, ['owner', 'admin']) && row.status !== 'ended',
    reactivate: isStaff(actor, ['owner', 'admin']) && row.status === 'ended',
  };
}

export function invitationAbilities(
  actor: Actor,
  row: { kind: string; acceptedAt: Date | null; revokedAt: Date | null },
) {
  const open = !row.acceptedAt && !row.revokedAt;
  const manages =
    row.kind === 'staff'
      ? isStaff(actor, ['owner', 'admin'])
      : row.kind === 'contractor'
        ? isStaff(actor, ['owner', 'admin', 'manager'])
        : actor.kind === 'contractor' && actor.role === 'admin';
  return { revoke: open && manages };
}

/** Throws 403 unless the named ability is granted. */
export function assertAllowed<A extends Abilities>(abilities: A, action: keyof A & string): void {
  if (!abilities[action]) throw forbidden(`You are not allowed to ${action.replace(/([A-Z])/g, ' $1').toLowerCase()}.`);
}
