import { desc, eq, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';
import { auditChainHeads, auditEvents, statusChanges } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { chainFor, computeAuditHash, GENESIS_HASH } from './audit.chain.ts';

/*
 * The audit writer: the floor between db/ and access/. Everything that changes state (the
 * transition in access/, every module's service) appends its event here, in its own
 * transaction. Reading and verifying the chains is the audit module's (modules/audit).
 */

export interface AuditInput {
  actorUserId: string | null;
  organizationId?: string | null;
  contractorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** The head of a chain as the current transaction holds it (locked): its last sequence and hash. */
interface Head {
  seq: number;
  hash: string;
}

/**
 * The heads a transaction has locked and moved, by chain: a second event of the same transaction
 * appends after the first without locking and reading the head again. Only transactions are
 * remembered (their row lock lasts until they end); an executor outside one locks every time.
 */
const lockedHeads = new WeakMap<object, Map<string, Head>>();

/**
 * Locks the chain's head row and reads it, in one statement: an upsert that takes the row lock
 * (a concurrent append waits for this transaction to end, then reads its head). A chain without
 * a head row yet (new, or from a database older than the heads) starts it from its newest event.
 */
async function lockHead(tx: Executor, chain: string, organizationId: string | null, contractorId: string | null): Promise<Head> {
  const remembered = lockedHeads.get(tx)?.get(chain);
  if (remembered) return remembered;
  const newest = (column: typeof auditEvents.seq | typeof auditEvents.hash) =>
    tx.select({ value: column }).from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(desc(auditEvents.seq)).limit(1);
  const [head] = await tx
    .insert(auditChainHeads)
    .values({
      chain,
      organizationId,
      contractorId,
      seq: sql`coalesce(${newest(auditEvents.seq)}, 0)`,
      hash: sql`coalesce(${newest(auditEvents.hash)}, ${GENESIS_HASH})`,
      updatedAt: new Date(),
    })
    .onConflictDoUpdate({ target: auditChainHeads.chain, set: { seq: sql`${auditChainHeads.seq}` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  return head!;
}

function remember(tx: Executor, chain: string, head: Head): void {
  if (!(tx instanceof PgTransaction)) return;
  const heads = lockedHeads.get(tx) ?? new Map<string, Head>();
  heads.set(chain, head);
  lockedHeads.set(tx, heads);
}

/**
 * Appends one event to its organization's (or contractor's) hash chain, and moves the chain's
 * head (last sequence and hash, in `audit_chain_heads`) in the same transaction. Call it with
 * the transaction that makes the change, so the change and its event commit together. Two
 * statements: lock and read the head; insert the event and move the head (one after the first
 * event of a transaction). `statusChange`, when given, is written by the same statement.
 */
export async function recordAudit(tx: Executor, input: AuditInput, statusChange?: StatusChangeInput): Promise<void> {
  const organizationId = input.organizationId ?? null;
  const contractorId = input.contractorId ?? null;
  const chain = chainFor(organizationId, contractorId);
  const last = await lockHead(tx, chain, organizationId, contractorId);
  const fields = {
    chain,
    seq: last.seq + 1,
    organizationId,
    contractorId,
    actorUserId: input.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    createdAt: new Date(),
  };
  const prevHash = last.hash;
  const hash = computeAuditHash(prevHash, fields);
  const insertEvent = tx.insert(auditEvents).values({ id: createId(), ...fields, ip: input.ip ?? null, prevHash, hash });
  const insertStatus = statusChange
    ? sql`, status_change as (${tx
        .insert(statusChanges)
        .values({ id: createId(), ...statusChange })
        .getSQL()})`
    : sql``;
  const moveHead = tx
    .update(auditChainHeads)
    .set({ seq: fields.seq, hash, updatedAt: fields.createdAt })
    .where(eq(auditChainHeads.chain, chain));
  await tx.execute(sql`with event as (${insertEvent.getSQL()})${insertStatus} ${moveHead.getSQL()}`);
  remember(tx, chain, { seq: fields.seq, hash });
}

type StatusChangeInput = Omit<typeof statusChanges.$inferInsert, 'id' | 'createdAt'>;

/** The status history of every machine: one row per transition, written with it. */
export async function recordStatusChange(tx: Executor, input: StatusChangeInput): Promise<void> {
  await tx.insert(statusChanges).values({ id: createId(), ...input });
}

/**
 * Appends many events in the caller's transaction (a bulk request: one event per job), each
 * with its status change when given: per chain, the head is locked once, every hash computed
 * here in order, and one statement inserts the events (and status changes) and moves the head.
 * The chain is the same as had each event been appended by `recordAudit` one after the other.
 */
export async function recordAuditBatch(
  tx: Executor,
  entries: ReadonlyArray<{ event: AuditInput; statusChange?: StatusChangeInput }>,
): Promise<void> {
  const byChain = new Map<string, Array<(typeof entries)[number]>>();
  for (const entry of entries) {
    const chain = chainFor(entry.event.organizationId ?? null, entry.event.contractorId ?? null);
    byChain.set(chain, [...(byChain.get(chain) ?? []), entry]);
  }
  for (const [chain, chained] of byChain) {
    const first = chained[0]!.event;
    let head = await lockHead(tx, chain, first.organizationId ?? null, first.contractorId ?? null);
    const createdAt = new Date();
    // A statement carries at most 65,535 parameters: events go in chunks.
    for (let start = 0; start < chained.length; start += AUDIT_BATCH_CHUNK) {
      const events: Array<typeof auditEvents.$inferInsert> = [];
      const changes: Array<typeof statusChanges.$inferInsert> = [];
      for (const { event, statusChange } of chained.slice(start, start + AUDIT_BATCH_CHUNK)) {
        const fields = {
          chain,
          seq: head.seq + 1,
          organizationId: event.organizationId ?? null,
          contractorId: event.contractorId ?? null,
          actorUserId: event.actorUserId,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId ?? null,
          before: event.before ?? null,
          after: event.after ?? null,
          createdAt,
        };
        const hash = computeAuditHash(head.hash, fields);
        events.push({ id: createId(), ...fields, ip: event.ip ?? null, prevHash: head.hash, hash });
        if (statusChange) changes.push({ id: createId(), ...statusChange, createdAt });
        head = { seq: fields.seq, hash };
      }
      const insertChanges = changes.length > 0 ? sql`, status_change as (${tx.insert(statusChanges).values(changes).getSQL()})` : sql``;
      const moveHead = tx
        .update(auditChainHeads)
        .set({ seq: head.seq, hash: head.hash, updatedAt: createdAt })
        .where(eq(auditChainHeads.chain, chain));
      await tx.execute(sql`with event as (${tx.insert(auditEvents).values(events).getSQL()})${insertChanges} ${moveHead.getSQL()}`);
    }
    remember(tx, chain, head);
  }
}

const AUDIT_BATCH_CHUNK = 1000;
