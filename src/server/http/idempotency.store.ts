import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { idempotencyKeys } from '../db/schema/index.ts';

/** How long a key is remembered: a retry within it replays the first answer. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A first request that never recorded its answer (a crash) lets another take the key over after this. */
export const IDEMPOTENCY_ABANDONED_MS = 2 * 60 * 1000;

export type KeyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Claims (user, key) for this request in one statement: a new key, an expired one, or one whose
 * first request was abandoned. Returns true when this request owns the key and must run.
 */
export async function claimIdempotencyKey(
  db: Executor,
  claim: { userId: string; key: string; route: string; requestHash: string; now: Date },
): Promise<boolean> {
  const expiresAt = new Date(claim.now.getTime() + IDEMPOTENCY_TTL_MS);
  const abandonedBefore = new Date(claim.now.getTime() - IDEMPOTENCY_ABANDONED_MS);
  const fresh = { route: claim.route, requestHash: claim.requestHash, statusCode: null, contentType: null, responseBody: null };
  const rows = await db
    .insert(idempotencyKeys)
    .values({ userId: claim.userId, key: claim.key, ...fresh, createdAt: claim.now, expiresAt })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.key],
      set: { ...fresh, createdAt: claim.now, expiresAt },
      setWhere: sql`${idempotencyKeys.expiresAt} < ${claim.now.toISOString()} or (${idempotencyKeys.statusCode} is null and ${idempotencyKeys.createdAt} < ${abandonedBefore.toISOString()})`,
    })
    .returning({ key: idempotencyKeys.key });
  return rows.length === 1;
}

export async function readIdempotencyKey(db: Executor, userId: string, key: string): Promise<KeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
  return row;
}

/** The first answer, kept for the retries. */
export async function storeIdempotentAnswer(
  db: Executor,
  row: { userId: string; key: string; statusCode: number; contentType: string | null; body: unknown },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ statusCode: row.statusCode, contentType: row.contentType, responseBody: row.body as never })
    .where(and(eq(idempotencyKeys.userId, row.userId), eq(idempotencyKeys.key, row.key)));
}

/** A first request that failed on our side (5xx) does not keep its key: a retry runs again. */
export async function releaseIdempotencyKey(db: Executor, userId: string, key: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), sql`${idempotencyKeys.statusCode} is null`));
}

/** The sweep job: forgets keys past their 24 hours. Returns how many went. */
export async function sweepIdempotencyKeys(db: Executor, now = new Date()): Promise<number> {
  const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now)).returning({ key: idempotencyKeys.key });
  return gone.length;
}
