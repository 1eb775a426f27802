import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { SqlExecutor } from '../lib/sql.types.ts';
import * as schema from './schema/index.ts';
import type { ListenHandlers } from './listen.pg.ts';
import { migrationsFolder, type StartedPglite, startPglite } from './pglite.start.ts';
import { committedMigrations } from './pglite.template.mjs';
import { plannerStartupOptions } from './planner.settings.mjs';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: what repos accept. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL for tools that bring their own queries (pg-boss). */
  raw: SqlExecutor;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /**
   * LISTEN on a channel: PostgreSQL through a dedicated connection (reconnecting, then
   * onReconnect), PGlite through its own listen() on its one connection. Returns a stop function.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a gzipped tarball (`portico backup`). */
  dumpDataDir?: () => Promise<Blob>;
}

/**
 * True when the database has applied exactly the committed migrations: one statement instead of
 * the migrator's schema checks and transaction. A database without the migrations table (new) is
 * not current.
 */
async function isMigrated(run: (text: string) => Promise<{ rows: unknown[] }>): Promise<boolean> {
  try {
    const { rows } = await run(
      `select coalesce(string_agg(hash || '@' || created_at::text, ',' order by created_at, id), '') as applied from drizzle.__drizzle_migrations`,
    );
    return (rows[0] as { applied?: string } | undefined)?.applied === committedMigrations(migrationsFolder);
  } catch {
    return false;
  }
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** Directory for PGlite's data; omit for an in-memory database (tests). */
  dataDir?: string;
  /** PGlite only: create the data directory from a dumpDataDir tarball (`portico restore`). */
  loadDataDir?: Blob;
  /** Called with the text of every statement Drizzle sends (what better-auth sends too): logging, statement budgets. */
  onQuery?: (sql: string) => void;
  /**
   * PGlite only: return while the database is still starting on its thread (main.ts builds the
   * application meanwhile). Statements wait for the start; if it fails, the first one fails with
   * its error, and the data directory's lock is released.
   */
  startInBackground?: boolean;
  /** PGlite only: the database main.ts started before loading the application (`startPglite`); `dataDir` and `loadDataDir` are then unused. */
  started?: StartedPglite;
}

function queryLogger(onQuery: ((sql: string) => void) | undefined) {
  return onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.onQuery);
  return openPglite(options);
}

async function openPglite({ dataDir, loadDataDir, onQuery, startInBackground, started }: OpenDatabaseOptions): Promise<Database> {
  const { client, release } = started ?? startPglite(dataDir, loadDataDir);
  const ready = client.waitReady.catch(async (error: unknown) => {
    await client.close().catch(() => undefined);
    release();
    throw error;
  });
  if (startInBackground) ready.catch(() => undefined);
  else await ready;
  // Each database's driver loads only when it is used (while PGlite starts on its thread).
  const { drizzle } = await import('drizzle-orm/pglite');
  const db = drizzle({ client: client as never, schema, logger: queryLogger(onQuery) }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    raw: {
      // pg-boss sends several statements at once when there are no parameters: those need exec.
      executeSql: async (text, values) => {
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      },
    },
    migrate: async () => {
      if (await isMigrated((text) => client.query(text))) return;
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await migrate(db as never, { migrationsFolder });
    },
    ping: async () => {
      await client.query('select 1');
    },
    listen: async (channel, handlers) => {
      const stop = await client.listen(channel, handlers.onPayload);
      return async () => stop();
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
    dumpDataDir: async () => {
      await client.query('checkpoint');
      return client.dumpDataDir('gzip');
    },
  };
}

async function openPostgres(url: string, onQuery?: (sql: string) => void): Promise<Database> {
  const [{ default: pg }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  // Each connection opens with the planner settings (planner.settings.mjs) in its startup packet.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: plannerStartupOptions() });
  pool.on('error', () => {});
  const db = drizzle(pool, { schema, logger: queryLogger(onQuery) }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    raw: { executeSql: (text, values) => pool.query(text, values) },
    migrate: async () => {
      if (await isMigrated((text) => pool.query(text))) return;
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      await migrate(db as never, { migrationsFolder });
    },
    ping: async () => {
      await pool.query('select 1');
    },
    listen: async (channel, handlers) => (await import('./listen.pg.ts')).listenOnPostgres(url, channel, handlers),
    close: () => pool.end(),
  };
}
