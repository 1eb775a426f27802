import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Our files and the packages that `main.ts` loads before its first line runs (its static imports, transitively, as esbuild splits them). */
async function loadedBeforeMain(): Promise<{ files: string[]; packages: string[] }> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'portico-main-'));
  try {
    const { metafile } = await build({
      entryPoints: [path.join(root, 'src/server/main.ts')],
      absWorkingDir: root,
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      metafile: true,
      write: false,
      logLevel: 'silent',
    });
    const outputs = (metafile as Metafile).outputs;
    const entry = Object.keys(outputs).find((name) => outputs[name]!.entryPoint === 'src/server/main.ts')!;
    const files = new Set<string>();
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      const output = outputs[name]!;
      for (const input of Object.keys(output.inputs)) files.add(input);
      for (const imported of output.imports) {
        if (imported.kind !== 'import-statement') continue;
        if (imported.external) packages.add(imported.path);
        else visit(imported.path);
      }
    };
    visit(entry);
    return { files: [...files].sort(), packages: [...packages].sort() };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('the start', () => {
  it('starts the embedded database before it loads the application: main.ts statically loads only the config and the database thread', async () => {
    const { files, packages } = await loadedBeforeMain();
    expect(files).toEqual([
      'src/server/config.ts',
      'src/server/db/lock.ts',
      'src/server/db/pglite.proxy.ts',
      'src/server/db/pglite.start.ts',
      'src/server/lib/paths.ts',
      'src/server/main.ts',
      'src/server/startup.errors.ts',
    ]);
    // Zod validates the configuration; no Drizzle, schema, logger or HTTP framework yet.
    expect(packages.filter((name) => !name.startsWith('node:'))).toEqual(['zod']);
  });
});
