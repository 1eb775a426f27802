#!/usr/bin/env node
// Fails when the Drizzle schema (src/server/db/schema) and the committed migrations (drizzle/)
// disagree: drizzle-kit generates into a copy of drizzle/, and any new migration means the
// schema changed without one. Also checks that the journal and the .sql files match.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const committed = path.join(root, 'drizzle');
const schema = './src/server/db/schema/index.ts';

function fail(message) {
  console.error(`check-migrations: ${message}`);
  process.exit(1);
}

function sqlFiles(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort();
}

// 1. Every journal entry has its .sql file, and every .sql file is in the journal.
const journal = JSON.parse(readFileSync(path.join(committed, 'meta', '_journal.json'), 'utf8'));
const journaled = journal.entries.map((e) => `${e.tag}.sql`).sort();
const present = sqlFiles(committed);
const missing = journaled.filter((f) => !present.includes(f));
const stray = present.filter((f) => !journaled.includes(f));
if (missing.length > 0) fail(`drizzle/meta/_journal.json lists migrations that are missing: ${missing.join(', ')}`);
if (stray.length > 0)
  fail(`drizzle/ holds migrations the journal does not list (hand-written? use npm run db:generate): ${stray.join(', ')}`);
for (const entry of journal.entries) {
  const snapshot = path.join(committed, 'meta', `${String(entry.idx).padStart(4, '0')}_snapshot.json`);
  if (!existsSync(snapshot)) fail(`drizzle/meta has no snapshot for ${entry.tag} (${path.basename(snapshot)})`);
}

// 2. Generating from the schema into a copy of drizzle/ must produce nothing new.
const temp = mkdtempSync(path.join(os.tmpdir(), 'portico-migrations-'));
try {
  const out = path.join(temp, 'drizzle');
  cpSync(committed, out, { recursive: true });
  // drizzle-kit wants paths relative to the working directory (it prefixes "./").
  const config = path.join(temp, 'drizzle.config.mjs');
  writeFileSync(config, `export default ${JSON.stringify({ dialect: 'postgresql', schema, out: path.relative(root, out) })};\n`);
  const drizzleKit = path.join(path.dirname(createRequire(import.meta.url).resolve('drizzle-kit')), 'bin.cjs');
  const run = spawnSync(process.execPath, [drizzleKit, 'generate', `--config=${config}`], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  const created = sqlFiles(out).filter((f) => !present.includes(f));
  if (created.length > 0) {
    const sql = readFileSync(path.join(out, created[0]), 'utf8').split('\n').slice(0, 40).join('\n');
    fail(
      `the schema in src/server/db/schema has changes that no migration in drizzle/ contains.\n` +
        `Run \`npm run db:generate\`, review the new migration and commit it. It would start with:\n\n${sql}`,
    );
  }
  if (/Interactive prompts|isTTY/.test(output))
    fail(
      'the schema in src/server/db/schema changed in a way drizzle-kit asks about (a renamed column or table?), and no migration in drizzle/ contains it.\n' +
        'Run `npm run db:generate` in a terminal, answer its questions, review the new migration and commit it.',
    );
  if (run.error || run.status !== 0 || !output.includes('No schema changes')) {
    const reason =
      run.error?.code === 'ETIMEDOUT'
        ? 'timed out (was it asking a question, such as whether a column was renamed?)'
        : 'did not confirm that nothing changed';
    fail(`drizzle-kit generate ${reason}. Its output:\n${output.trim()}`);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
console.log(`migrations match the schema (${journaled.length} ${journaled.length === 1 ? 'migration' : 'migrations'})`);
