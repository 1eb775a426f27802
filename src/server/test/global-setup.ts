import pg from 'pg';
import { openDatabase } from '../db/client.ts';

/**
 * On PostgreSQL (DATABASE_URL set) the workers share one database: start from an empty
 * schema and migrate once here. On PGlite each worker migrates its own in-memory database.
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    'drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;',
  );
  await client.end();
  const database = await openDatabase({ databaseUrl: url });
  await database.migrate();
  await database.close();
}
