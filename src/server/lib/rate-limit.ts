import { sql } from 'drizzle-orm';
import type { SqlRunner } from './sql.types.ts';
import { AppError } from './errors.ts';

export interface RateLimitRule {
  max: number;
  windowSeconds: number;
}

/**
 * Counts one hit against each key (fixed window, stored in the database so every process
 * agrees) and refuses with 429 and Retry-After when any key is over its limit.
 */
export async function hitRateLimit(db: SqlRunner, keys: string[], rule: RateLimitRule): Promise<void> {
  let retryAfter = 0;
  for (const key of keys) {
    const result = await db.execute(sql`
      insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
      on conflict (key) do update set
        count = case when rate_limits.window_start < now() - make_interval(secs => ${rule.windowSeconds}) then 1 else rate_limits.count + 1 end,
        window_start = case when rate_limits.window_start < now() - make_interval(secs => ${rule.windowSeconds}) then now() else rate_limits.window_start end
      returning count, ceil(extract(epoch from (window_start + make_interval(secs => ${rule.windowSeconds}) - now())))::int as retry_after`);
    const row = (result as unknown as { rows: Array<{ count: number; retry_after: number }> }).rows[0];
    if (row && row.count > rule.max) retryAfter = Math.max(retryAfter, row.retry_after, 1);
  }
  if (retryAfter > 0)
    throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`, undefined, {
      'retry-after': String(retryAfter),
    });
}
