import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { waitFor } from '../test/wait.ts';
import { createLogger } from './logger.ts';
import { deferQueue, type Queue, startQueue } from './queue.ts';
import type { SqlExecutor } from './sql.types.ts';

const logger = createLogger('silent');
const writes = /\b(create_queue|insert into pgboss\.schedule|update pgboss\.queue)\b/i;

/** The database's executor, keeping the text of each statement pg-boss sends through it. */
function recording(raw: SqlExecutor): { raw: SqlExecutor; statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    raw: {
      executeSql: (text, values) => {
        statements.push(text);
        return raw.executeSql(text, values);
      },
    },
  };
}

describe('the queue', () => {
  let t: OwnTestApp;
  const started: Queue[] = [];
  const name = (label: string) => `test.queue.${label}.${crypto.randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await createOwnTestApp();
  });

  afterAll(async () => {
    for (const queue of started) await queue.stop();
    await t.dispose();
  });

  it('sets up queues and schedules once: a second start with the same set-up writes nothing', async () => {
    const [plain, configured] = [name('plain'), name('configured')];
    const setUp = async (queue: Queue) => {
      await queue.configure(configured, { oneQueuedPerKey: true, retryLimit: 3, retryDelaySeconds: 7 });
      await queue.work(plain, async () => {});
      await queue.schedule(plain, '*/10 * * * *');
    };
    const first = recording(t.database.raw);
    const one = await startQueue(first.raw, logger);
    started.push(one);
    first.statements.length = 0;
    await setUp(one);
    expect(first.statements.filter((s) => writes.test(s))).toHaveLength(3);

    const second = recording(t.database.raw);
    const two = await startQueue(second.raw, logger);
    started.push(two);
    second.statements.length = 0;
    await setUp(two);
    expect(second.statements.filter((s) => writes.test(s))).toEqual([]);
  });

  it('changes the settings of a queue whose settings changed', async () => {
    const queueName = name('changed');
    const one = await startQueue(t.database.raw, logger);
    started.push(one);
    await one.configure(queueName, { retryLimit: 3 });
    const record = recording(t.database.raw);
    const two = await startQueue(record.raw, logger);
    started.push(two);
    await two.configure(queueName, { retryLimit: 9 });
    expect(record.statements.some((s) => /update pgboss\.queue/i.test(s))).toBe(true);
  });

  it('keeps what is sent while it is still starting, and runs it once started', async () => {
    const queueName = name('deferred');
    const starting = startQueue(t.database.raw, logger);
    const deferred = deferQueue(starting);
    await deferred.send(queueName, { n: 1 });
    const queue = await starting;
    started.push(queue);
    const seen: unknown[] = [];
    await queue.work(queueName, async (data) => {
      seen.push(data.n);
    });
    await waitFor(() => seen.length > 0, { message: 'the job sent before the start ran' });
    expect(seen).toEqual([1]);
  });
});
