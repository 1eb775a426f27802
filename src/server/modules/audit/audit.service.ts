import { and, asc, desc, eq, lt, } from 'drizzle-orm';
import type { RequestContext } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { auditEvents, users } from '../../db/schema/index.ts';
import { computeAuditHash, GENESIS_HASH } from '../../audit/audit.chain.ts';

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
