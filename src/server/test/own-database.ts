import { rmSync } from 'node:fs';
import pg from 'pg';
import { createId } from '../lib/ids.ts';
import { createTestApp, getTestApp, type TestApp } from './test-app.ts';

export interface OwnTestApp extends TestApp {
  dispose(): Promise<void>;
}

/**
 * The app on a database no other test file uses at the same time, for tests whose background
 * workers must not pick up other files' rows (email delivery sweeps every queued email): on
 * PGlite the worker's own database (its files run one after another), on PostgreSQL, where all
 * workers share one database, a new database on the same server, dropped again by dispose.
 * `fresh`: an empty database on PGlite too (tests that seed fixed rows, such as the demo data,
 * which a second seed in the same worker's database would collide with).
 */
export async function createOwnTestApp(options: { fresh?: boolean } = {}): Promise<OwnTestApp> {
  const url = process.env.DATABASE_URL;
  if (!url && options.fresh) {
    const t = await createTestApp({}, { migrate: true });
    return { ...t, dispose: () => closeTestApp(t) };
  }
  if (!url) return { ...(await getTestApp()), dispose: async () => {} };
  const own = await createPostgresDatabase(url, 'own');
  const t = await createTestApp({ DATABASE_URL: own.url }, { migrate: true });
  return {
    ...t,
    dispose: async () => {
      await closeTestApp(t);
      await own.drop();
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server of `url` (`portico_<label>_<random>`), and how
 * to drop it (with force: connections left open do not keep it). For tests and benches.
 */
export async function createPostgresDatabase(url: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portico_${label}_${createId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  await runOnServer(url, `create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return { url: own.toString(), drop: () => runOnServer(url, `drop database if exists ${name} with (force)`) };
}

async function closeTestApp(t: TestApp): Promise<void> {
  await t.app.close();
  await t.database.close();
  rmSync(t.dataDir, { recursive: true, force: true });
}

async function runOnServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
