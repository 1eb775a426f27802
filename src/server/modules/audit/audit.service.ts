import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { auditChainHeads, auditEvents, statusChanges, users } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { chainFor, computeAuditHash, GENESIS_HASH } from './audit.chain.ts';

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

/** The events about the actor's own records, newest first, a page at a time. */
export async function listAuditEvents(db: Executor, ctx: RequestContext, page: { limit: number; before?: string }) {
  const rows = await db
    .select({ event: auditEvents, actorName: users.name })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(scopes.auditEvents(ctx.actor), page.before ? lt(auditEvents.createdAt, new Date(page.before)) : undefined))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.seq))
    .limit(page.limit);
  const last = rows.at(-1);
  return {
    items: rows.map(({ event, actorName }) => ({
      id: event.id,
      seq: event.seq,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      actorName,
      before: event.before,
      after: event.after,
      createdAt: event.createdAt.toISOString(),
    })),
    nextBefore: rows.length === page.limit && last ? last.event.createdAt.toISOString() : null,
  };
}
