import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { type Config, readConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { createDiskStorage, type Storage } from '../lib/storage.ts';
import type { Auth } from '../modules/auth/auth.better.ts';

export const TEST_ORIGIN = 'http://portico.test';

export interface TestApp {
  app: FastifyInstance;
  auth: Auth;
  database: Database;
  db: Database['db'];
  config: Config;
  storage: Storage;
  dataDir: string;
}

let shared: Promise<TestApp> | undefined;

/** The app on a real database: PGlite in memory per worker, or PostgreSQL when DATABASE_URL is set. */
export function getTestApp(): Promise<TestApp> {
  shared ??= createTestApp();
  return shared;
}

export interface TestAppOptions {
  /** Sees the text of every statement the app sends through Drizzle (statement budgets). */
  onQuery?: (sql: string) => void;
  /** Migrates the database before the app starts (always on PGlite; a fresh PostgreSQL database needs it too). */
  migrate?: boolean;
}

export async function createTestApp(overrides: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-test-'));
  const config = readConfig(
    {
      NODE_ENV: 'test',
      PUBLIC_URL: TEST_ORIGIN,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      UPLOAD_MAX_BYTES: String(256 * 1024),
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      ...overrides,
    },
    { loadDotEnv: false },
  );
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, onQuery: options.onQuery });
  // Before the app is built: it reads its tables as it starts (the session cache's invalidations).
  if (database.kind === 'pglite' || options.migrate) await database.migrate();
  const storage = createDiskStorage(path.join(dataDir, 'files'));
  // Every response is also written by Zod and compared with what the compiled serializer wrote.
  const { app, auth } = await buildApp({ config, database, storage, logger: false, verifyResponses: true });
  return { app, auth, database, db: database.db, config, storage, dataDir };
}
