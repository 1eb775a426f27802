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

/** An import line, built so that this file's own imports stay what the script reads here. */
const use = (name: string, from: string, as = 'x') => `import { ${name} } ${'from'} '${from}';\nexport const ${as} = ${name};\n`;
const service = use('fail', '../../lib/errors.ts');
const errors = 'export const fail = 1;\n';

describe('scripts/check-imports.mjs', () => {
  it('passes a tree that imports downward only', () => {
    const result = check({ 'src/server/lib/errors.ts': errors, 'src/server/modules/x/x.service.ts': service });
    expect(result.output).toContain('imports OK (2 files)');
    expect(result.status).toBe(0);
  });

  it.each([
    ['src/server/lib/errors.ts', use('x', '../modules/x/x.service.ts', 'fail'), 'server/lib imports from a floor above it, server/modules'],
    ['src/server/lib/errors.ts', use('Db', '../db/client.ts', 'fail'), 'server/lib imports from a floor above it, server/db'],
    [
      'src/server/access/transition.ts',
      use('x', '../modules/x/x.service.ts', 't'),
      'server/access imports from a floor above it, server/modules',
    ],
    [
      'src/server/audit/audit.writer.ts',
      use('x', '../modules/x/x.service.ts', 't'),
      'server/audit imports from a floor above it, server/modules',
    ],
    ['src/shared/domain/money.ts', use('x', '../../server/modules/x/x.service.ts', 'm'), 'shared imports from a floor above it'],
    ['src/web/app.tsx', use('x', '../server/modules/x/x.service.ts', 'a'), 'the web app and the server share only src/shared'],
  ])('fails an upward import: %s', (file, text, message) => {
    const result = check({
      'src/server/lib/errors.ts': errors,
      'src/server/modules/x/x.service.ts': service,
      'src/server/db/client.ts': 'export const Db = 1;\n',
      [file]: text,
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(message);
  });

  it('fails a source file over 400 lines', () => {
    const long = Array.from({ length: 401 }, (_, i) => `export const v${i} = ${i};`).join('\n');
    const result = check({ 'src/server/lib/errors.ts': `${errors}${long}\n` });
    expect(result.status).toBe(1);
    expect(result.output).toContain('src/server/lib/errors.ts: 402 lines; split it by role');
  });

  it('fails an Intl formatter made outside src/shared/format/intl.formatters.ts', () => {
    const made = 'export const day = (d: Date) => new Intl.DateTimeFormat("en", {}).format(d);\n';
    const result = check({ 'src/web/lib/format.ts': made, 'src/shared/format/intl.formatters.ts': made });
    expect(result.status).toBe(1);
    expect(result.output).toContain('src/web/lib/format.ts: makes an Intl formatter');
    expect(result.output).not.toContain('intl.formatters.ts: makes');
  });
});
