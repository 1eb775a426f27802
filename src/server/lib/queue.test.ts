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

  it('stops only once a fetch in flight, the jobs it brings and their completion are done: nothing reaches a closed database', async () => {
    const queueName = name('stopping');
    let closed = false;
    let late = 0;
    let fetchHeld!: () => void;
    let releaseFetch!: () => void;
    const held = new Promise<void>((resolve) => (fetchHeld = resolve));
    const gate = new Promise<void>((resolve) => (releaseFetch = resolve));
    let holding = true;
    // The database as the server closes it after the queue's stop: a statement after that is late.
    const raw: SqlExecutor = {
      executeSql: async (text, values) => {
        if (closed) {
          late++;
          return { rows: [] };
        }
        if (holding && /skip locked/i.test(text) && values[0] === queueName) {
          holding = false;
          fetchHeld();
          await gate;
        }
        return t.database.raw.executeSql(text, values);
      },
    };
    const queue = await startQueue(raw, logger);
    await queue.send(queueName, { n: 1 });
    let ran = false;
    await queue.work(queueName, async () => {
      ran = true;
    });
    await held;
    // The stop begins while the fetch is on the database; the fetch answers a moment later.
    const stopped = queue.stop();
    setTimeout(releaseFetch, 100);
    await stopped;
    closed = true;
    expect(ran).toBe(true);
    const { rows } = await t.database.raw.executeSql('select state from pgboss.job where name = $1', [queueName]);
    expect(rows).toEqual([{ state: 'completed' }]);
    expect(late).toBe(0);
  });
});
