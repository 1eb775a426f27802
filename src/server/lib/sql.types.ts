import type { SQL } from 'drizzle-orm';

/*
 * What lib/ needs of a database, without importing db/ (lib sits below it): db/client.ts
 * builds objects that satisfy these.
 */

/** Runs a statement as text with positional parameters (pg-boss's way in). */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Runs a Drizzle `sql` statement: the database or an open transaction. */
export interface SqlRunner {
  execute(query: SQL): PromiseLike<unknown>;
}
