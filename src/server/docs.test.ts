import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from './db/schema/index.ts';

/**
 * The docs in docs/ describe the code as it is. What is cheap to check is checked here:
 * - every repository path they name (in backticks, or first on a line of a code block) exists;
 * - every event and status of every machine in src/shared/domain/*.machine.ts, and the
 *   machine's file, is named in docs/domain.md;
 * - every module under src/server/modules has its room in docs/architecture.md, and every
 *   table of the schema is named there (who writes it).
 */

const root = path.resolve(import.meta.dirname, '../..');
const docsDir = path.join(root, 'docs');
const domainDir = path.join(root, 'src', 'shared', 'domain');
const modulesDir = path.join(root, 'src', 'server', 'modules');

/** Where a repository path starts; anything else in backticks (commands, columns, values) is not a path. */
const pathPrefixes = ['src/', 'scripts/', 'e2e/', 'drizzle/', 'bench/', 'bin/', 'docs/', '.ci/'];
/** Placeholders (`src/server/modules/<area>/`, `e2e/*.spec.ts`) name a pattern, not a file. */
const placeholder = /[<>*{}…\s]/;

/** The paths a markdown text names: inline code spans, and the first word of each code-block line. */
function namedPaths(markdown: string): string[] {
  const found = new Set<string>();
  const consider = (candidate: string) => {
    const text = candidate.trim().replace(/:\d+(-\d+)?$/, '');
    if (!pathPrefixes.some((prefix) => text.startsWith(prefix)) || placeholder.test(text)) return;
    found.add(text);
  };
  const fences = /^```[^\n]*\n([\s\S]*?)^```/gm;
  for (const block of markdown.matchAll(fences)) for (const line of block[1]!.split('\n')) consider(line.trim().split(/\s+/)[0] ?? '');
  const prose = markdown.replace(fences, '');
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) consider(span[1]!);
  return [...found];
}

/** The named paths that do not exist under base. */
function findMissingPaths(markdown: string, base: string): string[] {
  return namedPaths(markdown).filter((named) => !existsSync(path.join(base, named)));
}

function readDocs(): Array<{ name: string; text: string }> {
  return readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => ({ name, text: readFileSync(path.join(docsDir, name), 'utf8') }));
}

interface MachineWords {
  file: string;
  words: Set<string>;
}

const isTransition = (value: unknown): value is { from: string[]; to: string; actors: string[] } =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as { from?: unknown }).from) &&
  typeof (value as { to?: unknown }).to === 'string' &&
  Array.isArray((value as { actors?: unknown }).actors);

/** Every event, from-state and target of the machines a file exports, and its `…Statuses` / `…Events` lists. */
async function readMachineWords(file: string): Promise<MachineWords> {
  const exported = (await import(pathToFileURL(path.join(domainDir, file)).href)) as Record<string, unknown>;
  const words = new Set<string>();
  for (const [name, value] of Object.entries(exported)) {
    if (Array.isArray(value) && /(Statuses|Events)$/.test(name)) for (const word of value) words.add(String(word));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
    const entries = Object.entries(value);
    if (entries.length === 0 || !entries.every(([, transition]) => isTransition(transition))) continue;
    for (const [event, transition] of entries as Array<[string, { from: string[]; to: string }]>) {
      words.add(event);
      words.add(transition.to);
      for (const from of transition.from) words.add(from);
    }
  }
  return { file, words };
}

describe('docs/', () => {
  it('names only files and folders that exist', () => {
    const missing = readDocs().flatMap(({ name, text }) => findMissingPaths(text, root).map((named) => `docs/${name}: ${named}`));
    expect(missing).toEqual([]);
  });

  it('catches a doc that names a missing file (the check above can fail)', () => {
    const doc = [
      'The writer is `src/server/audit/audit.writer.ts` and the flow is in `src/server/nowhere/gone.ts:12`.',
      'A pattern like `src/server/modules/<area>/<area>.routes.ts` or a command like `npm test` is not a path.',
      '```',
      'scripts/vanished.mjs   a line of a tree',
      'src/shared             exists',
      '```',
    ].join('\n');
    expect(findMissingPaths(doc, root)).toEqual(['scripts/vanished.mjs', 'src/server/nowhere/gone.ts']);
  });

  it('names every machine, and every event and status of each, in docs/domain.md', async () => {
    const domain = readFileSync(path.join(docsDir, 'domain.md'), 'utf8');
    const machineFiles = readdirSync(domainDir).filter((name) => name.endsWith('.machine.ts'));
    expect(machineFiles.length).toBeGreaterThan(0);
    const absent: string[] = [];
    for (const file of machineFiles) {
      if (!domain.includes(`src/shared/domain/${file}`)) absent.push(`${file}: the file is not named`);
      const { words } = await readMachineWords(file);
      expect(words.size, `${file} exports no machine`).toBeGreaterThan(0);
      for (const word of words) if (!domain.includes(`\`${word}\``)) absent.push(`${file}: \`${word}\``);
    }
    expect(absent).toEqual([]);
  });

  it('gives every module under src/server/modules its room in docs/architecture.md', () => {
    const architecture = readFileSync(path.join(docsDir, 'architecture.md'), 'utf8');
    const modules = readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(modules.filter((name) => !architecture.includes(`\`src/server/modules/${name}/\``))).toEqual([]);
  });

  it('names every table of the schema in docs/architecture.md (the rooms say who writes it)', () => {
    const architecture = readFileSync(path.join(docsDir, 'architecture.md'), 'utf8');
    const tables = Object.values(schema)
      .filter((value) => is(value, PgTable))
      .map((table) => getTableName(table as PgTable));
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.filter((name) => !architecture.includes(`\`${name}\``))).toEqual([]);
  });
});
