import type PgBoss from 'pg-boss';
import type { SqlExecutor } from './sql.types.ts';
import type { Logger } from './logger.ts';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface SendOptions {
  /** At most one job with this key per window: later sends in the window join the next one. */
  throttle?: { key: string; seconds: number };
  /** Run no earlier than this many seconds from now (fractions allowed), by the database's clock. */
  delaySeconds?: number;
  /** On a queue created with `oneQueuedPerKey`, a send while a job with this key waits is dropped. */
  singletonKey?: string;
}

export interface QueueSettings {
  /** At most one waiting job per `singletonKey` (pg-boss "short" policy); running ones don't count. */
  oneQueuedPerKey?: boolean;
  /** Retries when a handler throws, with exponential backoff from `retryDelaySeconds`. */
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface Queue {
  /** Settles how a queue behaves; call before its first send or work. Defaults otherwise. */
  configure(name: string, settings: QueueSettings): Promise<void>;
  send(name: string, data: Record<string, unknown>, options?: SendOptions): Promise<void>;
  /** Runs the handler for each job alone: one job's failure fails (and retries) that job only. */
  work(name: string, handler: JobHandler): Promise<void>;
  /** Runs the job on a cron schedule (UTC), once across all processes. */
  schedule(name: string, cron: string): Promise<void>;
  stop(): Promise<void>;
}

/** A queue's settings as pg-boss keeps them (what `configure` compares before it writes). */
type QueueOptions = { policy?: string; retryLimit?: number; retryDelay?: number; retryBackoff?: boolean };

/** A schedule as pg-boss keeps it, as one comparable string: its cron and its time zone. */
const scheduleKey = (cron: string, timeZone: string | undefined) => `${cron} ${timeZone}`;

const DEFAULT_SETTINGS: Required<QueueSettings> = { oneQueuedPerKey: false, retryLimit: 5, retryDelaySeconds: 5 };

const STOP_TIMEOUT_MS = 5000;

/**
 * What pg-boss has in progress on the database: its statements and the jobs it runs. Its stop
 * waits for the jobs it holds, but not for a fetch in flight, whose jobs then run and are
 * completed after the stop (by a statement it does not await: on a closed database an unhandled
 * rejection, and the process exits 1). The queue's stop waits for this to be idle.
 */
function trackWork(raw: SqlExecutor) {
  let busy = 0;
  const track = async <T>(run: () => Promise<T>): Promise<T> => {
    busy++;
    try {
      return await run();
    } finally {
      busy--;
    }
  };
  return {
    executor: { executeSql: (text, values) => track(() => raw.executeSql(text, values)) } satisfies SqlExecutor,
    track,
    /**
     * Resolves once nothing is in progress at two checks in a row (a job's end and the statement
     * that completes it are a few microtasks apart, never a timer apart), or after `timeoutMs`.
     */
    async idle(timeoutMs: number): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      let quiet = 0;
      while (quiet < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        quiet = busy === 0 ? quiet + 1 : 0;
      }
    },
  };
}

/**
 * Background jobs on pg-boss, in the same database (PGlite through its executor, or PostgreSQL).
 * Work queued here runs after the request's transaction has committed.
 */
export async function startQueue(raw: SqlExecutor, logger: Logger): Promise<Queue> {
  // pg-boss loads here, after the server listens (main.ts), not before the start.
  const { default: Boss } = await import('pg-boss');
  const work = trackWork(raw);
  const boss: PgBoss = new Boss({ db: work.executor as never, schema: 'pgboss', supervise: true, schedule: true });
  boss.on('error', (error) => logger.error({ err: error }, 'queue error'));
  logger.debug('the queue is starting');
  await boss.start();
  // What an earlier start set up: a restart re-creates nothing (each skipped write is a commit,
  // and a commit on the embedded database waits for the disk).
  const [queues, schedules] = await Promise.all([boss.getQueues(), boss.getSchedules()]);
  /** Each queue's settings as the database has them: those found at the start, then those written here. */
  const queueSettings = new Map<string, QueueOptions>(queues.map((q) => [q.name, q]));
  // pg-boss's rows carry the schedule's time zone in `timezone` (its type declares only name and cron).
  const scheduled = new Map(schedules.map((s) => [s.name, scheduleKey(s.cron, (s as { timezone?: string }).timezone)]));
  const optionsOf = (name: string, settings: QueueSettings) => {
    const s = { ...DEFAULT_SETTINGS, ...settings };
    const policy = s.oneQueuedPerKey ? ('short' as const) : ('standard' as const);
    return { name, policy, retryLimit: s.retryLimit, retryDelay: s.retryDelaySeconds, retryBackoff: true };
  };
  /** Creates a queue on first use; an existing one keeps its settings (see configure). */
  const ensure = async (name: string) => {
    if (queueSettings.has(name)) return;
    const options = optionsOf(name, {});
    await boss.createQueue(name, options);
    queueSettings.set(name, options);
  };
  return {
    async configure(name, settings) {
      const options = optionsOf(name, settings);
      const current = queueSettings.get(name);
      if (!current) await boss.createQueue(name, options);
      // A queue created earlier (by an older version, or by a send) takes these settings now.
      else if (
        current.policy !== options.policy ||
        current.retryLimit !== options.retryLimit ||
        current.retryDelay !== options.retryDelay ||
        current.retryBackoff !== options.retryBackoff
      )
        await boss.updateQueue(name, options);
      queueSettings.set(name, options);
    },
    async send(name, data, options = {}) {
      await ensure(name);
      const throttle = options.throttle;
      await boss.send(name, data, {
        ...(throttle ? { singletonKey: throttle.key, singletonSeconds: throttle.seconds, singletonNextSlot: true } : {}),
        ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
        ...(options.delaySeconds && options.delaySeconds > 0 ? { startAfter: options.delaySeconds } : {}),
      });
    },
    async work(name, handler) {
      await ensure(name);
      await boss.work(name, { pollingIntervalSeconds: 0.5, batchSize: 5 }, (jobs) =>
        work.track(async () => {
          // Each job is settled alone: those not failed here are completed by pg-boss afterwards.
          for (const job of jobs) {
            try {
              await handler(job.data as Record<string, unknown>);
            } catch (error) {
              logger.warn({ err: error, job: name, id: job.id }, 'job failed; it is retried on its own');
              const err = error as Error;
              await boss.fail(name, job.id, { message: String(err?.message ?? error).slice(0, 1000) });
            }
          }
        }),
      );
    },
    async schedule(name, cron) {
      await ensure(name);
      const key = scheduleKey(cron, 'UTC');
      if (scheduled.get(name) === key) return;
      await boss.schedule(name, cron, {}, { tz: 'UTC' });
      scheduled.set(name, key);
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
      await work.idle(STOP_TIMEOUT_MS);
    },
  };
}

/**
 * The queue while it is still starting (main.ts starts it once the server listens): every call
 * waits for the start, so nothing sent meanwhile is lost.
 */
export function deferQueue(starting: Promise<Queue>): Queue {
  return {
    configure: async (name, settings) => (await starting).configure(name, settings),
    send: async (name, data, options) => (await starting).send(name, data, options),
    work: async (name, handler) => (await starting).work(name, handler),
    schedule: async (name, cron) => (await starting).schedule(name, cron),
    stop: async () => (await starting).stop(),
  };
}
