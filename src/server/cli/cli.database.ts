import { type Config, ConfigError, readConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { DataDirLockedError } from '../db/lock.ts';
import { CliFailure } from './cli.args.ts';

/** The server's own settings (environment and ./.env); a bad value is a failure, not bad usage. */
export function readCliConfig(): Config {
  try {
    return readConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message);
    throw error;
  }
}

/** Where the data lives, for messages. */
export function describeTarget(config: Config): string {
  if (!config.DATABASE_URL) return `the embedded database in ${config.dataDir}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
}

/** The PGlite lock, explained: the server and a command cannot share one data directory. */
export function explainLocked(error: DataDirLockedError, command: string): CliFailure {
  return new CliFailure(
    `${error.message}\nThe embedded database (PGlite) allows one process at a time, so \`portico ${command}\` cannot run while the Portico server uses this data directory: stop the server, run the command, then start the server again.`,
  );
}

/** Opens the database the server would use: PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR/pglite (locked). */
export async function openCliDatabase(config: Config, command: string, loadDataDir?: Blob): Promise<Database> {
  try {
    return await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : config.dataDir,
      loadDataDir,
    });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw explainLocked(error, command);
    throw error;
  }
}

/** Opens the database, runs fn, and always closes it (releasing the PGlite lock). */
export async function withDatabase<T>(config: Config, command: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openCliDatabase(config, command);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

/** First row of a raw query, on PGlite or PostgreSQL alike. */
export async function queryOne<T>(database: Database, text: string, values: unknown[] = []): Promise<T | undefined> {
  const result = await database.raw.executeSql(text, values);
  return result.rows[0] as T | undefined;
}

/** True when the Portico tables exist (migrations have run at least once). */
export async function hasPorticoTables(database: Database): Promise<boolean> {
  const row = await queryOne<{ t: string | null }>(database, `select to_regclass('public.organizations')::text as t`);
  return Boolean(row?.t);
}

/** Refuses politely when the database has not been migrated yet. */
export async function requirePorticoTables(database: Database): Promise<void> {
  if (!(await hasPorticoTables(database)))
    throw new CliFailure('The database has no Portico tables yet: run `portico migrate` (or start the server once) first.');
}
