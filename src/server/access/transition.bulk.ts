import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { canFire, isFiredBy, type Machine } from '../../shared/domain/machine.ts';
import { recordAuditBatch } from '../audit/audit.writer.ts';
import type { Tx } from '../db/client.ts';
import { forbidden } from '../lib/errors.ts';
import type { Actor } from './actor.ts';
import { raiseLiveEvents, statusChangedEvent } from './live.raise.ts';
import { machineActorOf } from './policies.ts';

/** A table with a machine's status and the columns every transition sets. */
type StatefulTable = PgTable & { id: PgColumn; status: PgColumn; version: PgColumn; updatedAt: PgColumn };

interface LockedRow<S extends string> {
  id: string;
  status: S;
  organizationId: string;
  contractorId: string;
}

export interface BulkTransitionInput<S extends string, E extends string, R extends LockedRow<S>> {
  table: StatefulTable;
  machine: Machine<S, E>;
  event: E;
  /** The rows, read through the actor's scope and locked (FOR UPDATE) by the caller in this transaction. */
  rows: readonly R[];
  actor: Actor;
  ip?: string;
  entityType: string;
  /** More columns to set with the status, the same for every row. */
  set?: Record<string, unknown>;
  note?: string | null;
  /** More facts for each row's audit event (`after`). */
  auditAfter?: (row: R) => Record<string, unknown>;
}

/**
 * `applyTransition` for many rows of one table in one transaction: the same rules (the actor's
 * kind must fire the event: else 403; each row's status must be among `from`), one
 * compare-and-set UPDATE for all the rows that may move, and their audit events and status
 * changes in a batch (`recordAuditBatch`). Rows the machine does not allow are returned, not
 * thrown: the caller reports each with its reason.
 */
export async function applyBulkTransition<S extends string, E extends string, R extends LockedRow<S>>(
  tx: Tx,
  input: BulkTransitionInput<S, E, R>,
): Promise<{ moved: R[]; refused: R[] }> {
  const { machine, event, actor, table } = input;
  const kind = machineActorOf(actor);
  if (kind === null || !isFiredBy(machine, event, kind)) throw forbidden();
  const transition = machine[event];
  const movable = input.rows.filter((row) => canFire(machine, event, row.status, kind));
  const refused = input.rows.filter((row) => !canFire(machine, event, row.status, kind));
  if (movable.length === 0) return { moved: [], refused };
  const updated = (await tx
    .update(table)
    .set({ ...(input.set ?? {}), status: transition.to, updatedAt: new Date(), version: sql`${table.version} + 1` } as never)
    .where(
      and(
        inArray(
          table.id,
          movable.map((row) => row.id),
        ),
        inArray(table.status, [...transition.from]),
      ) as SQL,
    )
    .returning({ id: table.id })) as Array<{ id: string }>;
  const updatedIds = new Set(updated.map((row) => row.id));
  const moved = movable.filter((row) => updatedIds.has(row.id));
  refused.push(...movable.filter((row) => !updatedIds.has(row.id)));
  await recordAuditBatch(
    tx,
    moved.map((row) => ({
      event: {
        actorUserId: actor.userId,
        organizationId: row.organizationId,
        contractorId: row.contractorId,
        action: `${input.entityType}.${event}`,
        entityType: input.entityType,
        entityId: row.id,
        before: { status: row.status },
        after: { status: transition.to, ...(input.note ? { note: input.note } : {}), ...(input.auditAfter?.(row) ?? {}) },
        ip: input.ip ?? null,
      },
      statusChange: {
        organizationId: row.organizationId,
        contractorId: row.contractorId,
        entityType: input.entityType,
        entityId: row.id,
        event,
        fromStatus: row.status,
        toStatus: transition.to,
        actorUserId: actor.userId,
        note: input.note ?? null,
      },
    })),
  );
  await raiseLiveEvents(
    tx,
    moved.map((row) => statusChangedEvent(input.entityType, row)),
  );
  return { moved, refused };
}
