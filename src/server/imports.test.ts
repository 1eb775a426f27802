import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/check-imports.mjs');
const roots: string[] = [];

/** Runs scripts/check-imports.mjs over a small tree of files (path → text). */
function check(tree: Record<string, string>): { status: number | null; output: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'portico-imports-'));
  roots.push(root);
  for (const [file, text] of Object.entries(tree)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const run = spawnSync(process.execPath, [script], { env: { ...process.env, CHECK_IMPORTS_ROOT: root }, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const service = "import { fail } from '../../lib/errors.ts';\nexport const x = fail;\n";
const errors = 'export const fail = 1;\n';

describe('scripts/check-imports.mjs', () => {
  it('passes a tree that imports downward only', () => {
    const result = check({ 'src/server/lib/errors.ts': errors, 'src/server/modules/x/x.service.ts': service });
    expect(result.output).toContain('imports OK (2 files)');
    expect(result.status).toBe(0);
  });

  it.each([
    ['src/server/lib/errors.ts', "import { x } from '../modules/x/x.service.ts';\nexport const fail = x;\n", 'server/lib imports from a floor above it, server/modules'],
    ['src/server/lib/errors.ts', "import type { Db } from '../db/client.ts';\nexport const fail: Db = 1;\n", 'server/lib imports from a floor above it, server/db'],
    ['src/server/access/transition.ts', "import { x } from '../modules/x/x.service.ts';\nexport const t = x;\n", 'server/access imports from a floor above it, server/modules'],
    ['src/server/audit/audit.writer.ts', "import { x } from '../modules/x/x.service.ts';\nexport const t = x;\n", 'server/audit imports from a floor above it, server/modules'],
    ['src/shared/domain/money.ts', "import { x } from '../../server/modules/x/x.service.ts';\nexport const m = x;\n", 'shared imports from a floor above it'],
    ['src/web/app.tsx', "import { x } from '../server/modules/x/x.service.ts';\nexport const a = x;\n", 'the web app and the server share only src/shared'],
  ])('fails an upward import: %s', (file, text, message) => {
    const result = check({ 'src/server/lib/errors.ts': errors, 'src/server/modules/x/x.service.ts': service, 'src/server/db/client.ts': 'export type Db = number;\n', [file]: text });
    expect(result.status).toBe(1);
    expect(result.output).toContain(message);
  });

  it('fails a source file over 400 lines', () => {
    const long = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    const result = check({ 'src/server/lib/errors.ts': `${errors}${long}\n` });
    expect(result.status).toBe(1);
    expect(result.output).toContain('src/server/lib/errors.ts: 402 lines; split it by role');
  });
});
