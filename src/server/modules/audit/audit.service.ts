import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { auditEvents, statusChanges, users } from '../../db/schema/index.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, type PageRequest, pageFrom } from '../../lib/pagination.ts';
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
 * Appends one event to its organization's (or contractor's) hash chain. Call it with the
 * transaction that makes the change, so the change and its event commit together.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<void> {
  const organizationId = input.organizationId ?? null;
  const contractorId = input.contractorId ?? null;
  const chain = chainFor(organizationId, contractorId);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0))`);
  const [last] = await tx
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
  await tx.insert(auditEvents).values({
    id: createId(),
    ...fields,
    ip: input.ip ?? null,
    prevHash,
    hash: computeAuditHash(prevHash, fields),
  });
}

/** The status history of every machine: one row per transition, written with it. */
export async function recordStatusChange(tx: Executor, input: Omit<typeof statusChanges.$inferInsert, 'id' | 'createdAt'>): Promise<void> {
  await tx.insert(statusChanges).values({ id: createId(), ...input });
}

export interface ChainReport {
  chains: number;
  events: number;
  broken: Array<{ chain: string; seq: number; reason: string }>;
}

/** Recomputes every chain; names the first broken link of each broken chain. */
export async function verifyAuditChains(db: Executor): Promise<ChainReport> {
  const rows = await db.select().from(auditEvents).orderBy(asc(auditEvents.chain), asc(auditEvents.seq));
  const report: ChainReport = { chains: 0, events: rows.length, broken: [] };
  let chain = '';
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let broken = false;
  for (const row of rows) {
    if (row.chain !== chain) {
      chain = row.chain;
      prevHash = GENESIS_HASH;
      expectedSeq = 1;
      broken = false;
      report.chains++;
    }
    if (broken) continue;
    const reason =
      row.seq !== expectedSeq
        ? `event ${expectedSeq} is missing`
        : row.prevHash !== prevHash
          ? 'it does not point at the previous event'
          : row.hash !== computeAuditHash(prevHash, row)
            ? 'its content was changed after it was written'
            : null;
    if (reason) {
      report.broken.push({ chain, seq: row.seq, reason });
      broken = true;
      continue;
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return report;
}

/** Newest first; indexes (organization_id | contractor_id, created_at, id). */
const auditKeyset: Keyset = { columns: [auditEvents.createdAt, auditEvents.id], direction: 'desc' };

/** The events about the actor's own records, newest first, a page at a time. */
export async function listAuditEvents(db: Executor, ctx: RequestContext, request: PageRequest) {
  const rows = await db
    .select({ event: auditEvents, actorName: users.name, key: keysetKey(auditKeyset) })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(scopes.auditEvents(ctx.actor), keysetAfter(auditKeyset, request.cursor)))
    .orderBy(...keysetOrder(auditKeyset))
    .limit(request.limit + 1);
  const page = pageFrom(rows, request.limit, (r) => r.key);
  return {
    items: page.items.map(({ event, actorName }) => ({
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
    nextCursor: page.nextCursor,
  };
}
