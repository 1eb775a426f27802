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
    /** The delivery page: failed and waiting emails, and resending them. */
    manageEmail: isStaff(actor, ['owner', 'admin']),
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

/** Staff who run contracts and milestones: owners, admins, managers. Finance and viewers read. */
function managesWork(actor: Actor): boolean {
  return isStaff(actor, ['owner', 'admin', 'manager']);
}

function isContractorMember(actor: Actor): boolean {
  return actor.kind === 'contractor';
}

export function contractCreateAbilities(actor: Actor) {
  return { create: managesWork(actor) };
}

export function contractAbilities(actor: Actor, row: { status: string }) {
  const manage = managesWork(actor);
  const open = row.status === 'draft' || row.status === 'active';
  return {
    edit: manage && open,
    activate: manage && row.status === 'draft',
    end: manage && row.status === 'active',
    terminate: manage && row.status === 'active',
    renew: manage && row.status === 'active',
    addMilestone: manage && open,
    manageDocuments: manage && open,
  };
}

export function contractRevisionAbilities(actor: Actor, row: { acknowledgedAt: Date | null }) {
  return { acknowledge: isContractorMember(actor) && !row.acknowledgedAt };
}

export function milestoneAbilities(actor: Actor, row: { status: string }, contractStatus: string) {
  const manage = managesWork(actor);
  const frozen = row.status === 'approved' || row.status === 'paid';
  const inReview = row.status === 'submitted';
  return {
    edit: manage,
    editAmountAndDueDate: manage && !frozen,
    delete: manage && !frozen,
    submit: isContractorMember(actor) && contractStatus === 'active' && (row.status === 'open' || row.status === 'changes_requested'),
    approve: manage && inReview,
    requestChanges: manage && inReview,
    manageAttachments: manage,
  };
}
