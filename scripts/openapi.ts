// Writes openapi.json (the API description generated from the routes' Zod schemas) at the
// repository root. With --check, compares instead and exits 1 when the committed file drifted.
// The app is built as in production (no dev-only routes) on an in-memory database.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';

const target = path.resolve(import.meta.dirname, '..', 'openapi.json');

async function renderOpenApi(): Promise<string> {
  const config = readConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost:3000' }, { loadDotEnv: false });
  const database = await openDatabase({});
  const files = mkdtempSync(path.join(os.tmpdir(), 'portico-openapi-'));
  try {
    await database.migrate();
    const { app } = await buildApp({ config, database, storage: createDiskStorage(files), logger: false });
    try {
      return `${JSON.stringify(app.swagger(), null, 2)}\n`;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    rmSync(files, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const document = await renderOpenApi();
  if (!check) {
    writeFileSync(target, document);
    console.log(`wrote ${path.relative(process.cwd(), target) || target}`);
    return 0;
  }
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing: reported as out of date below
  }
  if (committed !== document) {
    console.error('openapi.json is out of date: run npm run openapi');
    return 1;
  }
  console.log('openapi.json is up to date');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
