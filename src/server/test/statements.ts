import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';
import { createWorld, type World } from './world.ts';

/** Counts the SQL statements sent while it is recording: pass `record` as a test app's onQuery. */
export function createStatementCounter() {
  let recording = false;
  let seen: string[] = [];
  return {
    record: (sql: string) => {
      if (recording) seen.push(sql);
    },
    /** The statements `run` sent (only this one: run it alone, with nothing else in flight on this app). */
    async count<T>(run: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      seen = [];
      recording = true;
      try {
        const result = await run();
        return { result, statements: seen };
      } finally {
        recording = false;
      }
    },
  };
}

export type StatementCounter = ReturnType<typeof createStatementCounter>;

/**
 * A test app of its own, with a world, whose every statement `counter` sees (from the first: a
 * prepared statement keeps the logger it was built with). Opened before the file's tests and
 * closed after them; read `t` and `w` inside a test.
 */
export function useCountedWorld(counter: StatementCounter): { t: TestApp; w: World } {
  const opened = {} as { t: TestApp; w: World };
  beforeAll(async () => {
    opened.t = await createTestApp({}, { onQuery: counter.record });
    opened.w = await createWorld(opened.t);
  });
  afterAll(async () => {
    await opened.t.app.close();
    await opened.t.database.close();
  });
  return opened;
}
