import { desc, eq, sql } from 'drizzle-orm';
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

/**
 * Appends one event to its organization's (or contractor's) hash chain, and moves the chain's
 * head (last sequence and hash, in `audit_chain_heads`) in the same transaction. Call it with
 * the transaction that makes the change, so the change and its event commit together. A chain
 * without a head row yet (a database older than the heads) takes its newest event as the head.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  const organizationId = input.organizationId ?? null;
  const contractorId = input.contractorId ?? null;
  const chain = chainFor(organizationId, contractorId);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0))`);
  const [head] = await tx.select({ seq: auditChainHeads.seq, hash: auditChainHeads.hash }).from(auditChainHeads).where(eq(auditChainHeads.chain, chain));
  const [last] = head
    ? [head]
    : await tx
        .select({ seq: auditEvents.seq, hash: auditEvents.hash })
        .from(auditEvents)
        .where(eq(auditEvents.chain, chain))
        .orderBy(desc(auditEvents.seq))
        .limit(1);
  const fields = {
    chain,
    seq: (last?.seq ?? 0) + 1,
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
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = computeAuditHash(prevHash, fields);
  await tx.insert(auditEvents).values({ id: createId(), ...fields, ip: input.ip ?? null, prevHash, hash });
  await tx
    .insert(auditChainHeads)
    .values({ chain, organizationId, contractorId, seq: fields.seq, hash, updatedAt: fields.createdAt })
    .onConflictDoUpdate({ target: auditChainHeads.chain, set: { seq: fields.seq, hash, updatedAt: fields.createdAt } });
}

/** The status history of every machine: one row per transition, written with it. */
export async function recordStatusChange(tx: Executor, input: Omit<typeof statusChanges.$inferInsert, 'id' | 'createdAt'>): Promise<void> {
  await tx.insert(statusChanges).values({ id: createId(), ...input });
}
