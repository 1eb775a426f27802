import {
  type ContractEvent,
  type ContractStatus,
  contractMachine,
  openContractStatuses,
  renewableContractStatuses,
  workingContractStatuses,
} from '../../shared/domain/contract.machine.ts';
import { type EngagementEvent, engagementMachine } from '../../shared/domain/engagement.machine.ts';
import {
  finishedJobStatuses,
  invoiceableJobStatuses,
  type JobEvent,
  type JobStatus,
  jobMachine,
  staffableJobStatuses,
} from '../../shared/domain/job.machine.ts';
import { eventsFrom, isFiredBy, type Machine, type MachineActor } from '../../shared/domain/machine.ts';
import { correctableInvoiceStatuses, type InvoiceEvent, type InvoiceStatus, invoiceMachine } from '../../shared/domain/invoice.machine.ts';
import { isMilestoneFrozen, type MilestoneEvent, type MilestoneStatus, milestoneMachine } from '../../shared/domain/milestone.machine.ts';
import { paidPaymentStatuses, type PaymentEvent, type PaymentStatus, paymentMachine } from '../../shared/domain/payment.machine.ts';
import { type FourEyesRule, needsSecondApproval } from '../../shared/domain/payment.rules.ts';
import type { EngagementStatus } from '../../shared/domain/roles.ts';
import { forbidden } from '../lib/errors.ts';
import type { Actor } from './actor.ts';

/**
 * Pure policies: given an actor and a row it can already see, what may it do? The answers
 * travel to the browser as `abilities`; the web shows buttons from them alone.
 *
 * An ability that is a machine event is derived from the machine (is the event possible from
 * the row's status, and is it fired by this kind of actor) and from `eventRoles` (which roles of
 * that kind fire it). Policies add only what the machine cannot know (the contract of a
 * milestone must be running, editing rules).
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
  const events = firableEvents(engagementMachine, eventRoles.engagement, actor, row.status);
  return { end: events.has('end'), reactivate: events.has('reactivate') };
}

export function invitationAbilities(actor: Actor, row: { kind: string; acceptedAt: Date | null; revokedAt: Date | null }) {
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

/** Staff who move money: owners, admins, finance. Managers and viewers read. */
function paysContractors(actor: Actor): boolean {
  return isStaff(actor, ['owner', 'admin', 'finance']);
}

const nobody = (): boolean => false;
const ownersAndAdmins = (actor: Actor): boolean => isStaff(actor, ['owner', 'admin']);

/**
 * Which people, among the kinds of actor the machine names, fire each event. The machine says
 * "staff" or "contractor"; the role inside that kind is the one thing it does not know. Events
 * only Portico fires (`system`) are fired by nobody here.
 */
const eventRoles = {
  contract: { activate: managesWork, end: managesWork, terminate: managesWork } satisfies Record<ContractEvent, (actor: Actor) => boolean>,
  milestone: {
    submit: isContractorMember,
    approve: managesWork,
    request_changes: managesWork,
    mark_paid: nobody,
  } satisfies Record<MilestoneEvent, (actor: Actor) => boolean>,
  invoice: {
    approve: paysContractors,
    reject: paysContractors,
    withdraw: isContractorMember,
    mark_paid: nobody,
  } satisfies Record<InvoiceEvent, (actor: Actor) => boolean>,
  payment: {
    approve: paysContractors,
    send: paysContractors,
    cancel: paysContractors,
    confirm_receipt: isContractorMember,
    dispute: isContractorMember,
    resolve_as_sent: paysContractors,
    resolve_as_received: (actor: Actor) => paysContractors(actor) || isContractorMember(actor),
  } satisfies Record<PaymentEvent, (actor: Actor) => boolean>,
  engagement: {
    activate: nobody,
    end: ownersAndAdmins,
    reactivate: ownersAndAdmins,
    reinvite: ownersAndAdmins,
  } satisfies Record<EngagementEvent, (actor: Actor) => boolean>,
  /** Contractor events: any member (admin or office); on-site events: members and the job's technicians; company events: who runs work. */
  job: {
    accept: isContractorMember,
    reject: isContractorMember,
    reassign: managesWork,
    schedule: isContractorMember,
    start: isMemberOrTechnician,
    require_revisit: isMemberOrTechnician,
    perform: isMemberOrTechnician,
    complete: isContractorMember,
    close: managesWork,
    send_back: managesWork,
    cancel: managesWork,
    archive: managesWork,
  } satisfies Record<JobEvent, (actor: Actor) => boolean>,
};

/**
 * Whether the actor's role fires the event of this entity's machine (`contract`, `milestone`,
 * `engagement`, …): the check `applyTransition` makes for every person, whatever route fired it.
 * Entities without role rules leave the decision to the machine's kinds and the caller's abilities.
 */
export function roleFiresEvent(entityType: string, event: string, actor: Actor): boolean {
  const roles = (eventRoles as Record<string, Record<string, (actor: Actor) => boolean>>)[entityType];
  const rule = roles?.[event];
  return roles === undefined || rule?.(actor) === true;
}

/** A contractor's member, or one of its technicians (the job's on-site events). */
function isMemberOrTechnician(actor: Actor): boolean {
  return actor.kind === 'contractor' || actor.kind === 'technician';
}

/**
 * The machine's name for a person; people without a membership fire nothing. Technicians fire
 * only what a machine gives to `technician` (the job's on-site events), and see only the jobs
 * assigned to them (the scope), so they fire them only there.
 */
export function machineActorOf(actor: Actor): MachineActor | null {
  if (actor.kind === 'staff') return 'staff';
  if (actor.kind === 'contractor') return 'contractor';
  if (actor.kind === 'technician') return 'technician';
  return null;
}

/** Whether the actor's role fires the event at all, whatever the status: no → 403, before the status decides 409. */
function mayFire<S extends string, E extends string>(
  machine: Machine<S, E>,
  roles: Record<E, (actor: Actor) => boolean>,
  actor: Actor,
  event: E,
): boolean {
  const who = machineActorOf(actor);
  return who !== null && isFiredBy(machine, event, who) && roles[event](actor);
}

/** The events the actor may fire on a row in this status: the machine's events from it, kept to the actor's roles. */
function firableEvents<S extends string, E extends string>(
  machine: Machine<S, E>,
  roles: Record<E, (actor: Actor) => boolean>,
  actor: Actor,
  status: S,
): Set<E> {
  const who = machineActorOf(actor);
  if (who === null) return new Set();
  return new Set(eventsFrom(machine, status, who).filter((event) => roles[event](actor)));
}

export function contractCreateAbilities(actor: Actor) {
  return { create: managesWork(actor) };
}

export function contractAbilities(actor: Actor, row: { status: ContractStatus }) {
  const manage = managesWork(actor);
  const open = openContractStatuses.includes(row.status);
  const events = firableEvents(contractMachine, eventRoles.contract, actor, row.status);
  return {
    edit: manage && open,
    activate: events.has('activate'),
    end: events.has('end'),
    terminate: events.has('terminate'),
    renew: manage && renewableContractStatuses.includes(row.status),
    addMilestone: manage && open,
    manageDocuments: manage && open,
  };
}

export function contractRevisionAbilities(actor: Actor, row: { acknowledgedAt: Date | null }) {
  return { acknowledge: isContractorMember(actor) && !row.acknowledgedAt };
}

/** What the actor's role allows on the milestones it sees, before a row's status is known (403 comes from here). */
export function milestoneRoleAbilities(actor: Actor) {
  const manage = managesWork(actor);
  return {
    edit: manage,
    delete: manage,
    manageAttachments: manage,
    submit: mayFire(milestoneMachine, eventRoles.milestone, actor, 'submit'),
    approve: mayFire(milestoneMachine, eventRoles.milestone, actor, 'approve'),
    requestChanges: mayFire(milestoneMachine, eventRoles.milestone, actor, 'request_changes'),
  };
}

export function milestoneAbilities(actor: Actor, row: { status: MilestoneStatus }, contractStatus: ContractStatus) {
  const role = milestoneRoleAbilities(actor);
  const frozen = isMilestoneFrozen(row.status);
  const events = firableEvents(milestoneMachine, eventRoles.milestone, actor, row.status);
  return {
    edit: role.edit,
    editAmountAndDueDate: role.edit && !frozen,
    delete: role.delete && !frozen,
    submit: events.has('submit') && workingContractStatuses.includes(contractStatus),
    approve: events.has('approve'),
    requestChanges: events.has('request_changes'),
    manageAttachments: role.manageAttachments,
  };
}

/** What the actor's role allows on invoices, before a row's status is known (403 comes from here). */
export function invoiceRoleAbilities(actor: Actor) {
  return {
    submit: isContractorMember(actor),
    approve: mayFire(invoiceMachine, eventRoles.invoice, actor, 'approve'),
    reject: mayFire(invoiceMachine, eventRoles.invoice, actor, 'reject'),
    withdraw: mayFire(invoiceMachine, eventRoles.invoice, actor, 'withdraw'),
  };
}

/**
 * An invoice's abilities: its machine's events, and `correct` (submit a corrected invoice linked to
 * it) for a contractor member while it is rejected and not corrected yet (`hasLiveCorrection`).
 */
export function invoiceAbilities(actor: Actor, row: { status: InvoiceStatus }, hasLiveCorrection: boolean) {
  const events = firableEvents(invoiceMachine, eventRoles.invoice, actor, row.status);
  return {
    approve: events.has('approve'),
    reject: events.has('reject'),
    withdraw: events.has('withdraw'),
    correct: isContractorMember(actor) && correctableInvoiceStatuses.includes(row.status) && !hasLiveCorrection,
  };
}

/**
 * A contractor's business details (bank details among them, where the money goes) are edited by
 * its admins only; office members and the staff who pay it read them.
 */
export function contractorProfileAbilities(actor: Actor) {
  return { edit: actor.kind === 'contractor' && actor.role === 'admin' };
}

/** What the actor's role allows with payments before a row is known: create drafts, send batches, set the four-eyes rule. */
export function paymentRoleAbilities(actor: Actor) {
  const pays = paysContractors(actor);
  return {
    create: pays,
    send: mayFire(paymentMachine, eventRoles.payment, actor, 'send'),
    approve: mayFire(paymentMachine, eventRoles.payment, actor, 'approve'),
    cancel: mayFire(paymentMachine, eventRoles.payment, actor, 'cancel'),
    confirmReceipt: mayFire(paymentMachine, eventRoles.payment, actor, 'confirm_receipt'),
    dispute: mayFire(paymentMachine, eventRoles.payment, actor, 'dispute'),
    resolve: mayFire(paymentMachine, eventRoles.payment, actor, 'resolve_as_sent'),
    manageFourEyes: isStaff(actor, ['owner', 'admin']),
  };
}

export interface PaymentPolicyRow {
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
  createdByUserId: string | null;
  secondApprovedByUserId: string | null;
}

/** Whether the draft still waits for its four-eyes approval under the organization's rule. */
export function awaitsSecondApproval(row: PaymentPolicyRow, rule: FourEyesRule): boolean {
  return row.status === 'draft' && needsSecondApproval(rule, row) && row.secondApprovedByUserId === null;
}

/**
 * Abilities on a payment: the machine's events from its status and the actor's role, plus the
 * four-eyes guards the machine cannot know: a draft that needs a second approval cannot be sent
 * until it has one; the approver is neither its creator nor its sender.
 */
export function paymentAbilities(actor: Actor, row: PaymentPolicyRow, rule: FourEyesRule) {
  const events = firableEvents(paymentMachine, eventRoles.payment, actor, row.status);
  const waiting = awaitsSecondApproval(row, rule);
  const isCreator = row.createdByUserId !== null && row.createdByUserId === actor.userId;
  const isApprover = row.secondApprovedByUserId !== null && row.secondApprovedByUserId === actor.userId;
  const disputed = row.status === 'disputed';
  return {
    approve: events.has('approve') && waiting && !isCreator,
    send: events.has('send') && !waiting && !isApprover,
    cancel: events.has('cancel'),
    adjust: paysContractors(actor) && paidPaymentStatuses.includes(row.status),
    confirmReceipt: events.has('confirm_receipt'),
    dispute: events.has('dispute'),
    resolveAsSent: events.has('resolve_as_sent'),
    resolveAsReceived: events.has('resolve_as_received'),
    addNote: disputed && (paysContractors(actor) || isContractorMember(actor)),
  };
}
/** What the actor's role allows on jobs before a row is known: the company's list page, templates, import and export. */
export function jobRoleAbilities(actor: Actor) {
  const manage = managesWork(actor);
  return {
    create: manage,
    import: manage,
    export: actor.kind === 'staff' || actor.kind === 'contractor',
    manageTemplates: manage,
    accept: mayFire(jobMachine, eventRoles.job, actor, 'accept'),
    reject: mayFire(jobMachine, eventRoles.job, actor, 'reject'),
  };
}

/**
 * What the actor may do with a job it sees. Every event from the machine; on top: the company
 * edits the job's details and documents until it is performed, and the contractor assigns
 * technicians and changes the scheduled date while the job is being worked (`staffableJobStatuses`).
 */
export function jobAbilities(actor: Actor, row: { status: JobStatus }) {
  const events = firableEvents(jobMachine, eventRoles.job, actor, row.status);
  const editable: readonly JobStatus[] = ['assigned', 'accepted', 'rejected', 'scheduled', 'in_progress', 'revisit'];
  return {
    accept: events.has('accept'),
    reject: events.has('reject'),
    reassign: events.has('reassign'),
    schedule: events.has('schedule'),
    start: events.has('start'),
    requireRevisit: events.has('require_revisit'),
    perform: events.has('perform'),
    complete: events.has('complete'),
    close: events.has('close'),
    sendBack: events.has('send_back'),
    cancel: events.has('cancel'),
    archive: events.has('archive'),
    edit: managesWork(actor) && editable.includes(row.status),
    manageDocuments: managesWork(actor) && editable.includes(row.status),
    assignTechnicians: isContractorMember(actor) && staffableJobStatuses.includes(row.status),
    /** "Invoice this job": the contractor's invoice for it (the invoices module checks the same list). */
    invoice: isContractorMember(actor) && invoiceableJobStatuses.includes(row.status),
    /** Read-only: finished jobs (closed, cancelled, archived) change no more. */
    readOnly: finishedJobStatuses.includes(row.status),
  };
}

/** Whether the actor's role fires a job event at all, whatever the status: no → 403, before the status decides 409. */
export function mayFireJobEvent(actor: Actor, event: JobEvent): boolean {
  return mayFire(jobMachine, eventRoles.job, actor, event);
}
