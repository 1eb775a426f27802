import { sql } from 'drizzle-orm';
import type { SqlRunner } from './sql.types.ts';
import { AppError } from './errors.ts';

export interface RateLimitRule {
  max: number;
  windowSeconds: number;
}

/** A counter and the rule it is held to. */
export interface LimitedKey {
  key: string;
  rule: RateLimitRule;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export function rateLimited(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new AppError('RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, {
    'retry-after': String(seconds),
  });
}

/**
 * Seconds until every key is under its limit again (0 when none is at it). Reads only: an
 * attempt that is refused here is not counted, so waiting out the window always works.
 */
export async function findRateLimitWait(db: SqlRunner, keys: LimitedKey[]): Promise<number> {
  if (keys.length === 0) return 0;
  const names = keys.map((k) => k.key);
  const rows = rowsOf<{ key: string; count: number; retry_after: number }>(
    await db.execute(sql`
      select key, count, ceil(extract(epoch from (expires_at - now())))::int as retry_after
      from rate_limits where key in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )}) and expires_at > now()`),
  );
  let wait = 0;
  for (const row of rows) {
    const rule = keys.find((k) => k.key === row.key)?.rule;
    if (rule && row.count >= rule.max) wait = Math.max(wait, row.retry_after, 1);
  }
  return wait;
}

/**
 * Counts one event against each key (a fixed window that starts at its first event, stored in
 * the database so every process agrees) and returns how long the worst key over its limit
 * has left (0 when none is over).
 */
export async function countRateLimit(db: SqlRunner, keys: LimitedKey[]): Promise<number> {
  let retryAfter = 0;
  for (const { key, rule } of keys) {
    const window = sql`make_interval(secs => ${rule.windowSeconds})`;
    const rows = rowsOf<{ count: number; retry_after: number }>(
      await db.execute(sql`
        insert into rate_limits (key, window_start, expires_at, count) values (${key}, now(), now() + ${window}, 1)
        on conflict (key) do update set
          count = case when rate_limits.expires_at <= now() then 1 else rate_limits.count + 1 end,
          window_start = case when rate_limits.expires_at <= now() then now() else rate_limits.window_start end,
          expires_at = case when rate_limits.expires_at <= now() then now() + ${window} else rate_limits.expires_at end
        returning count, ceil(extract(epoch from (expires_at - now())))::int as retry_after`),
    );
    const row = rows[0];
    if (row && row.count > rule.max) retryAfter = Math.max(retryAfter, row.retry_after, 1);
  }
  return retryAfter;
}

/** Counts one request against each key and refuses it with 429 and Retry-After when any is over its limit. */
export async function hitRateLimit(db: SqlRunner, keys: LimitedKey[]): Promise<void> {
  const retryAfter = await countRateLimit(db, keys);
  if (retryAfter > 0) throw rateLimited(retryAfter);
}

/** Keeps a marker (a remembered address, say) for the given time from now. */
export async function rememberKey(db: SqlRunner, key: string, seconds: number): Promise<void> {
  await db.execute(sql`
    insert into rate_limits (key, window_start, expires_at, count) values (${key}, now(), now() + make_interval(secs => ${seconds}), 1)
    on conflict (key) do update set window_start = now(), expires_at = excluded.expires_at, count = rate_limits.count + 1`);
}

export async function isKeyRemembered(db: SqlRunner, key: string): Promise<boolean> {
  const rows = rowsOf<{ key: string }>(await db.execute(sql`select key from rate_limits where key = ${key} and expires_at > now()`));
  return rows.length > 0;
}

export async function forgetKey(db: SqlRunner, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Deletes rows whose window has passed; returns how many. Run periodically. */
export async function pruneRateLimits(db: SqlRunner): Promise<number> {
  const rows = rowsOf<{ key: string }>(await db.execute(sql`delete from rate_limits where expires_at <= now() returning key`));
  return rows.length;
}
