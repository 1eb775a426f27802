import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Machine, MachineActor } from '../../shared/domain/machine.ts';
import type { Tx } from '../db/client.ts';
import { AppError, forbidden, notFound } from '../lib/errors.ts';
import { recordAudit, recordStatusChange } from '../modules/audit/audit.service.ts';
import type { Actor } from './actor.ts';

type StatefulTable = PgTable & {
  id: PgColumn;
  status: PgColumn;
  organizationId: PgColumn;
  contractorId: PgColumn;
  updatedAt: PgColumn;
};

/** Who fires an event: a person through their actor, or Portico itself (timers). */
export interface TransitionActor {
  machineActor: MachineActor;
  userId: string | null;
  ip?: string;
}

export function transitionActorOf(actor: Actor, ip?: string): TransitionActor {
  const machineActor: MachineActor = actor.kind === 'staff' ? 'staff' : 'contractor';
  return { machineActor, userId: actor.userId, ip };
}

export interface TransitionInput<T extends StatefulTable, S extends string, E extends string> {
  table: T;
  machine: Machine<S, E>;
  event: E;
  id: string;
  /** The actor's visibility condition on this table; a row outside it is a 404. */
  scope: SQL;
  actor: TransitionActor;
  entityType: string;
  what: string;
  /** More columns to set with the status (timestamps of the event). */
  set?: Partial<T['$inferInsert']>;
  note?: string | null;
}

/**
 * The one way a status changes: lock the visible row, check the machine, compare-and-set the
 * status, write the status history and the audit event, all in the caller's transaction.
 * Invisible → 404; visible but the event is not the actor's → 403; wrong state → 409 with the
 * current status.
 */
export async function applyTransition<T extends StatefulTable, S extends string, E extends string>(
  tx: Tx,
  input: TransitionInput<T, S, E>,
): Promise<T['$inferSelect']> {
  const { table, machine, event, actor } = input;
  const transition = machine[event];
  const [current] = (await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, input.id), input.scope))
    .for('update')) as Array<Record<string, unknown>>;
  if (!current) throw notFound(input.what);
  if (!transition.actors.includes(actor.machineActor)) throw forbidden();
  const from = current.status as S;
  if (!transition.from.includes(from))
    throw new AppError('INVALID_TRANSITION', `${input.what} is ${String(from).replace('_', ' ')}; it cannot be ${pastTense(event)} now.`, {
      currentStatus: from,
    });
  const [updated] = (await tx
    .update(table)
    .set({ ...(input.set ?? {}), status: transition.to, updatedAt: new Date() } as never)
    .where(and(eq(table.id, input.id), inArray(table.status, [...transition.from])))
    .returning()) as Array<T['$inferSelect']>;
  if (!updated) throw new AppError('INVALID_TRANSITION', `${input.what} changed meanwhile; reload and try again.`, { currentStatus: from });
  const organizationId = current.organizationId as string;
  const contractorId = current.contractorId as string;
  await recordStatusChange(tx, {
    organizationId,
    contractorId,
    entityType: input.entityType,
    entityId: input.id,
    event,
    fromStatus: from,
    toStatus: transition.to,
    actorUserId: actor.userId,
    note: input.note ?? null,
  });
  await recordAudit(tx, {
    actorUserId: actor.userId,
    organizationId,
    contractorId,
    action: `${input.entityType}.${event}`,
    entityType: input.entityType,
    entityId: input.id,
    before: { status: from },
    after: { status: transition.to, ...(input.note ? { note: input.note } : {}) },
    ip: actor.ip,
  });
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
  };
  return words[event] ?? event;
}
