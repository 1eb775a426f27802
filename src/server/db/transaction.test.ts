import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import type { Executor } from './client.ts';
import { readTogether } from './transaction.ts';

describe('readTogether', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await getTestApp();
  });

  /** A read that notes when it starts and ends, and answers its name (read back from the database). */
  function readNamed(executor: Executor, log: string[], name: string) {
    return async () => {
      log.push(`start ${name}`);
      const result = await executor.execute(sql`select ${name}::text as name`);
      log.push(`end ${name}`);
      return (result as unknown as { rows: Array<{ name: string }> }).rows[0]?.name;
    };
  }

  it('starts every read at once on the database, and gives the answers in the order asked', async () => {
    const log: string[] = [];
    const answers = await readTogether(t.db, readNamed(t.db, log, 'a'), readNamed(t.db, log, 'b'), readNamed(t.db, log, 'c'));
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log.slice(0, 3)).toEqual(['start a', 'start b', 'start c']);
  });

  it('runs them one after another in a transaction: its one connection never gets a second statement while busy', async () => {
    const log: string[] = [];
    const answers = await t.db.transaction((tx) =>
      readTogether(tx, readNamed(tx, log, 'a'), readNamed(tx, log, 'b'), readNamed(tx, log, 'c')),
    );
    expect(answers).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
