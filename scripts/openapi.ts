// Writes openapi.json (the API description generated from the routes' Zod schemas) at the
// repository root. With --check, compares instead and exits 1 when the committed file drifted.
// The app is built as in production (no dev-only routes) on an in-memory database.
// The web client's types (src/web/lib/api.types.ts, scripts/api-types.ts) are written and checked with it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';
import { apiTypesTarget, renderApiTypes } from './api-types.ts';

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

/** A committed file's text; missing reads as empty, so it is reported as out of date. */
function readTextOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const document = await renderOpenApi();
  const types = await renderApiTypes(document);
  if (!check) {
    writeFileSync(target, document);
    writeFileSync(apiTypesTarget, types);
    console.log(`wrote ${path.relative(process.cwd(), target) || target} and ${path.relative(process.cwd(), apiTypesTarget)}`);
    return 0;
  }
  const committed = readTextOrEmpty(target);
  if (committed !== document) {
    console.error('openapi.json is out of date: run npm run openapi');
    return 1;
  }
  if (readTextOrEmpty(apiTypesTarget) !== types) {
    console.error('src/web/lib/api.types.ts is out of date: run npm run openapi (or npm run api:types)');
    return 1;
  }
  console.log('openapi.json and src/web/lib/api.types.ts are up to date');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
