import PgBoss from 'pg-boss';
import type { SqlExecutor } from './sql.types.ts';
import type { Logger } from './logger.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface SendOptions {
  /** At most one job with this key per window: later sends in the window join the next one. */
  throttle?: { key: string; seconds: number };
}

export interface Queue {
  send(name: string, data: Record<string, unknown>, options?: SendOptions): Promise<void>;
  work(name: string, handler: JobHandler): Promise<void>;
  /** Runs the job on a cron schedule (UTC), once across all processes. */
  schedule(name: string, cron: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Background jobs on pg-boss, in the same database (PGlite through its executor, or PostgreSQL).
 * Work queued here runs after the request's transaction has committed.
 */
export async function startQueue(raw: SqlExecutor, logger: Logger): Promise<Queue> {
  const boss = new PgBoss({ db: raw as never, schema: 'pgboss', supervise: true, schedule: true });
  boss.on('error', (error) => logger.error({ err: error }, 'queue error'));
  await boss.start();
  const created = new Set<string>();
  const ensure = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 5, retryBackoff: true });
    created.add(name);
  };
  return {
    async send(name, data, options = {}) {
      await ensure(name);
      const throttle = options.throttle;
      await boss.send(
        name,
        data,
        throttle ? { singletonKey: throttle.key, singletonSeconds: throttle.seconds, singletonNextSlot: true } : {},
      );
    },
    async work(name, handler) {
      await ensure(name);
      await boss.work(name, { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as Record<string, unknown>);
      });
    },
    async schedule(name, cron) {
      await ensure(name);
      await boss.schedule(name, cron, {}, { tz: 'UTC' });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
