import type { Logger } from 'drizzle-orm';
import type { Db } from '../db/client.ts';

/**
 * Counts the SQL statements a Drizzle database runs (every query, in or out of a transaction,
 * including better-auth's through its Drizzle adapter), by putting a logger into the session:
 * Drizzle hands its session's logger to every query it prepares, and a transaction's session
 * shares the options of the session it came from.
 *
 * Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) is left out: node-postgres runs it as
 * statements and PGlite does not, so the counts are the same on both databases.
 */
export interface SqlCounter {
  /** Statements counted since the last reset. */
  readonly count: number;
  /** Their text, in order (for the message when a budget is exceeded). */
  readonly statements: readonly string[];
  /** Their parameters, in the same order (to EXPLAIN a statement as it ran). */
  readonly params: readonly unknown[][];
  reset(): void;
  /** Runs `work` and returns how many statements it ran, with their text. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }>;
  /** Puts the database's previous logger back. */
  detach(): void;
}

interface SessionWithLogger {
  logger: Logger;
  options: { logger?: Logger };
}

const transactionControl = /^\s*(begin|commit|rollback|savepoint|release|start transaction)\b/i;

export function attachSqlCounter(db: Db): SqlCounter {
  const session = (db as unknown as { session: SessionWithLogger }).session;
  const previous = { logger: session.logger, optionsLogger: session.options.logger };
  let statements: string[] = [];
  let parameters: unknown[][] = [];
  const logger: Logger = {
    logQuery(query, params) {
      previous.logger.logQuery(query, params);
      if (transactionControl.test(query)) return;
      statements.push(query);
      parameters.push(params);
    },
  };
  session.logger = logger;
  session.options.logger = logger;
  return {
    get count() {
      return statements.length;
    },
    get statements() {
      return statements;
    },
    get params() {
      return parameters;
    },
    reset() {
      statements = [];
      parameters = [];
    },
    async measure(work) {
      statements = [];
      parameters = [];
      const result = await work();
      const measured = statements;
      statements = [];
      parameters = [];
      return { result, count: measured.length, statements: measured };
    },
    detach() {
      session.logger = previous.logger;
      session.options.logger = previous.optionsLogger;
    },
  };
}
