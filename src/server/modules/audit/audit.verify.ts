import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditChainHeads, auditEvents } from '../../db/schema/index.ts';
import { computeAuditHash, GENESIS_HASH } from '../../audit/audit.chain.ts';

export interface ChainHead {
  chain: string;
  seq: number;
  hash: string;
}

export interface ChainReport {
  chains: number;
  events: number;
  broken: Array<{ chain: string; seq: number; reason: string }>;
  /** The end of every chain, as recorded in its head row: what an owner writes down. */
  heads: ChainHead[];
  /** Chains that had no head row yet (written before heads existed): their head was recorded now. */
  headsRecorded: number;
}

interface ChainEnd {
  seq: number;
  hash: string;
  intact: boolean;
}

type AuditRow = typeof auditEvents.$inferSelect;

/** Walks one chain from its first event; the first link that does not hold, or where it ends. */
function walkChain(rows: AuditRow[], report: ChainReport): ChainEnd {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of rows) {
    const reason =
      row.seq !== expectedSeq
        ? `event ${expectedSeq} is missing`
        : row.prevHash !== prevHash
          ? 'it does not point at the previous event'
          : row.hash !== computeAuditHash(prevHash, row)
            ? 'its content was changed after it was written'
            : null;
    if (reason) {
      report.broken.push({ chain: row.chain, seq: row.seq, reason });
      return { seq: expectedSeq - 1, hash: prevHash, intact: false };
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  return { seq: expectedSeq - 1, hash: prevHash, intact: true };
}

/** Compares where a chain ends with its head row; the reason when they disagree. */
function compareWithHead(end: ChainEnd, head: ChainHead): { seq: number; reason: string } | null {
  if (head.seq > end.seq)
    return {
      seq: end.seq + 1,
      reason: `events ${end.seq + 1} to ${head.seq} are missing: the chain ends at ${end.seq}, its head at ${head.seq}`,
    };
  if (head.seq < end.seq)
    return {
      seq: head.seq + 1,
      reason: `event ${head.seq + 1} and later lie past the chain's head (${head.seq}): written outside Portico`,
    };
  if (head.hash !== end.hash) return { seq: end.seq, reason: "the last event does not match the chain's head" };
  return null;
}

/** A chain written before heads existed: its verified end becomes its head, unless an append got there first. */
async function recordMissingHead(db: Db, chain: string, end: ChainEnd): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chain}, 0))`);
    const [last] = await tx
      .select({ seq: auditEvents.seq, organizationId: auditEvents.organizationId, contractorId: auditEvents.contractorId })
      .from(auditEvents)
      .where(eq(auditEvents.chain, chain))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    if (!last || last.seq !== end.seq) return false;
    const inserted = await tx
      .insert(auditChainHeads)
      .values({ chain, organizationId: last.organizationId, contractorId: last.contractorId, seq: end.seq, hash: end.hash })
      .onConflictDoNothing()
      .returning({ chain: auditChainHeads.chain });
    return inserted.length > 0;
  });
}

/**
 * Recomputes every chain and holds its end against the chain's head: names the first broken
 * link of each broken chain, including events missing before or past the head. With
 * `recordMissingHeads`, an intact chain without a head row gets one (databases older than heads).
 */
export async function verifyAuditChains(db: Db, options: { recordMissingHeads?: boolean } = {}): Promise<ChainReport> {
  // One snapshot of events and heads, so that an append while this runs is no false alarm.
  const [rows, headRows] = await db.transaction(
    async (tx) =>
      [
        await tx.select().from(auditEvents).orderBy(asc(auditEvents.chain), asc(auditEvents.seq)),
        await tx.select().from(auditChainHeads),
      ] as const,
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  const heads = new Map(headRows.map((h) => [h.chain, { chain: h.chain, seq: h.seq, hash: h.hash }]));
  const byChain = new Map<string, AuditRow[]>();
  for (const row of rows) {
    const list = byChain.get(row.chain) ?? [];
    list.push(row);
    byChain.set(row.chain, list);
  }
  const names = [...new Set([...byChain.keys(), ...heads.keys()])].sort();
  const report: ChainReport = { chains: names.length, events: rows.length, broken: [], heads: [], headsRecorded: 0 };
  for (const chain of names) {
    const end = walkChain(byChain.get(chain) ?? [], report);
    let head = heads.get(chain);
    if (!head && end.intact && end.seq > 0 && options.recordMissingHeads && (await recordMissingHead(db, chain, end))) {
      head = { chain, seq: end.seq, hash: end.hash };
      report.headsRecorded++;
    }
    if (head) report.heads.push(head);
    if (!end.intact || !head) continue;
    const mismatch = compareWithHead(end, head);
    if (mismatch) report.broken.push({ chain, ...mismatch });
  }
  return report;
}

/**
 * The head of one chain, for the Activity page; a chain written before heads existed shows its
 * newest event until its next append or `portico audit verify` records the head. Null when empty.
 */
export async function readChainHead(db: Db, chain: string): Promise<ChainHead | null> {
  const [head] = await db.select().from(auditChainHeads).where(eq(auditChainHeads.chain, chain));
  if (head) return { chain: head.chain, seq: head.seq, hash: head.hash };
  const [last] = await db.select().from(auditEvents).where(eq(auditEvents.chain, chain)).orderBy(desc(auditEvents.seq)).limit(1);
  return last ? { chain, seq: last.seq, hash: last.hash } : null;
}
