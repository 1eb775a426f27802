import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Limits that hold on a busy machine (the suite must pass with other CPU-bound work beside
 * it): a slow test is waited for, a stuck one still fails. Tests that start child processes
 * (cli, durability) set longer limits of their own.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // PGlite's WASM compiled by Liftoff only, as `npm start` runs the server (package.json): each
    // test process opens its databases without waiting for TurboFan to compile PostgreSQL.
    execArgv: ['--liftoff-only'],
    // One database per worker, migrated once, shared by the files that worker runs.
    isolate: false,
    // Two workers at most: more would only fight over the cores (and each holds a database).
    maxWorkers: Math.max(1, Math.min(2, availableParallelism())),
    globalSetup: ['src/server/test/global-setup.ts'],
    setupFiles: ['src/server/test/setup.warnings.ts'],
    testTimeout: 180_000,
    // the first getTestApp() in a worker migrates a fresh PGlite database: slow under load
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    reporters: ['default'],
  },
});
