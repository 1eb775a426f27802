import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../lib/paths.ts';
import { acquireDataDirLock } from './lock.ts';
import { PgliteProxy } from './pglite.proxy.ts';

export const migrationsFolder = projectPath('drizzle');
/** Where `npm run build` puts the embedded database's template (scripts/build-pglite-template.mjs). */
const templatesDir = projectPath('dist/pglite-template');

/** PGlite starting on its thread, and the release of its data directory's lock. */
export interface StartedPglite {
  client: PgliteProxy;
  release: () => void;
}

/**
 * Starts PGlite on its own thread and returns at once: statements wait for the start. Takes the
 * data directory's lock first; a new data directory starts as a copy of the built template
 * (initialised and migrated), when there is one. No Drizzle and no schema here, on purpose:
 * main.ts calls this before it loads the application, so that the database starts meanwhile.
 */
export function startPglite(dataDir: string | undefined, loadDataDir?: Blob): StartedPglite {
  let release = () => {};
  let dir: string | undefined;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireDataDirLock(dataDir);
    dir = path.join(dataDir, 'pglite');
  }
  try {
    // PostgreSQL (WASM) runs on its own thread: the event loop stays free while it works.
    const client = new PgliteProxy(dir, { loadDataDir, template: dir && !loadDataDir ? { templatesDir, migrationsFolder } : undefined });
    return { client, release };
  } catch (error) {
    release();
    throw error;
  }
}
