import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { canFire, isFiredBy, type Machine, type MachineActor } from '../../shared/domain/machine.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import type { Tx } from '../db/client.ts';
import { contracts, engagements, invoices, jobs, milestones, payments } from '../db/schema/index.ts';
import { AppError, forbidden } from '../lib/errors.ts';
import type { Actor, SystemActor } from './actor.ts';
import { raiseLiveEvent, statusChangedEvent } from './live.raise.ts';
import { machineActorOf, roleFiresEvent } from './policies.ts';
import { scoped } from './scoped.ts';

/** The tables that carry a machine's status. */
const statefulTables = { contracts, engagements, milestones, payments, jobs, invoices };
type StatefulName = keyof typeof statefulTables;
type RowOf<K extends StatefulName> = (typeof statefulTables)[K]['$inferSelect'];

/** Who fires an event: a person (their actor, scoped as always), or Portico itself (timers, system events). */
export type TransitionBy = { actor: Actor; ip?: string } | SystemActor;

/** A status change is a change: the row's version (its ETag) moves on, where the table keeps one. */
function bumpVersion(table: (typeof statefulTables)[StatefulName]): { version?: SQL } {
  return 'version' in table ? { version: sql`${table.version} + 1` } : {};
}

function machineActorFor(by: TransitionBy): MachineActor | null {
  return 'kind' in by ? 'system' : machineActorOf(by.actor);
}

export interface TransitionInput<K extends StatefulName, S extends string, E extends string> {
  table: K;
  machine: Machine<S, E>;
  event: E;
  id: string;
  /** The row is read through the actor's scope (outside it: 404); a system actor sees every row. */
  by: TransitionBy;
  entityType: string;
  what: string;
  /** More columns to set with the status (timestamps of the event). */
  set?: Partial<(typeof statefulTables)[K]['$inferInsert']>;
  note?: string | null;
  /** The row, when the caller has already locked it through the same scope (getForUpdate). */
  current?: RowOf<K>;
}

/**
 * The one way a status changes: lock the visible row, check the machine, compare-and-set the
 * status, write the status history and the audit event, all in the caller's transaction.
 * Invisible → 404; visible but the event is not the actor's (its kind or its role) → 403; wrong
 * state → 409 with the current status.
 */
export async function applyTransition<K extends StatefulName, S extends string, E extends string>(
  tx: Tx,
  input: TransitionInput<K, S, E>,
): Promise<RowOf<K>> {
  const { machine, event, by } = input;
  const table = statefulTables[input.table];
  const transition = machine[event];
  const actor = 'kind' in by ? by : by.actor;
  const current = (input.current ?? (await scoped(tx, actor)[input.table].getForUpdate(input.id, input.what))) as Record<string, unknown>;
  const machineActor = machineActorFor(by);
  if (machineActor === null || !isFiredBy(machine, event, machineActor)) throw forbidden();
  if (!('kind' in by) && !roleFiresEvent(input.entityType, event, by.actor)) throw forbidden();
  const userId = 'kind' in by ? by.userId : by.actor.userId;
  const from = current.status as S;
  if (!canFire(machine, event, from, machineActor))
    throw new AppError(
      'INVALID_TRANSITION',
      `${input.what} is ${String(from).replaceAll('_', ' ')}; it cannot be ${pastTense(event)} now.`,
      {
        currentStatus: from,
      },
    );
  const [updated] = (await tx
    .update(table)
    .set({ ...(input.set ?? {}), status: transition.to, updatedAt: new Date(), ...bumpVersion(table) } as never)
    .where(and(eq(table.id, input.id), inArray(table.status, [...transition.from] as never)))
    .returning()) as Array<RowOf<K>>;
  if (!updated) throw new AppError('INVALID_TRANSITION', `${input.what} changed meanwhile; reload and try again.`, { currentStatus: from });
  const organizationId = current.organizationId as string;
  const contractorId = current.contractorId as string;
  await recordAudit(
    tx,
    {
      actorUserId: userId,
      organizationId,
      contractorId,
      action: `${input.entityType}.${event}`,
      entityType: input.entityType,
      entityId: input.id,
      before: { status: from },
      after: { status: transition.to, ...(input.note ? { note: input.note } : {}) },
      ip: by.ip,
    },
    {
      organizationId,
      contractorId,
      entityType: input.entityType,
      entityId: input.id,
      event,
      fromStatus: from,
      toStatus: transition.to,
      actorUserId: userId,
      note: input.note ?? null,
    },
  );
  await raiseLiveEvent(tx, statusChangedEvent(input.entityType, { id: input.id, organizationId, contractorId }));
  return updated;
}

function pastTense(event: string): string {
  const words: Record<string, string> = {
    submit: 'submitted',
    approve: 'approved',
    request_changes: 'sent back for changes',
    mark_paid: 'marked paid',
    activate: 'activated',
    end: 'ended',
    terminate: 'terminated',
    reject: 'rejected',
    withdraw: 'withdrawn',
    send: 'sent',
    cancel: 'cancelled',
    confirm_receipt: 'confirmed as received',
    dispute: 'disputed',
    resolve_as_sent: 'resolved as sent',
    resolve_as_received: 'resolved as received',
    accept: 'accepted',
    reassign: 'reassigned',
    schedule: 'scheduled',
    start: 'started',
    require_revisit: 'marked for a revisit',
    perform: 'marked performed',
    complete: 'completed',
    close: 'closed',
    send_back: 'sent back',
    archive: 'archived',
  };
  return words[event] ?? event;
}
