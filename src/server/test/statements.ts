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
