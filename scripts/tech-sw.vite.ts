import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transform } from 'esbuild';
import type { OutputBundle } from 'rolldown';
import type { Plugin } from 'vite';
import { withStaticImports } from '../src/server/http/app-html.ts';

/**
 * The modules whose chunks a technician needs without a connection: the app's entry and boot, the
 * shell, the tech view and what it renders, and the downloads it loads when a document is opened.
 */
const TECH_MODULES =
  /src\/web\/(main\.tsx|app\/(app\.boot|shell\.layout|tech\.routes|root\.route)\.tsx|features\/(tech-view|site-work|preferences|notifications|session)\/|lib\/download\.fetch\.ts)/;

/** The chunks (and CSS) to cache at install: every chunk holding a tech module, with its static imports. */
export function techPrecacheList(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []));
  const roots = chunks.filter((chunk) => chunk.isEntry || chunk.moduleIds.some((id) => TECH_MODULES.test(id.replaceAll('\\', '/'))));
  const files = withStaticImports(
    chunks,
    roots.map((chunk) => chunk.fileName),
  );
  for (const item of Object.values(bundle)) if (item.type === 'asset' && item.fileName.endsWith('.css')) files.push(item.fileName);
  return [...files].sort().map((file) => `/${file}`);
}

/**
 * Builds the tech view's service worker (src/web/sw/tech.sw.ts) into /tech-sw.js with the list of
 * files to cache at install and a version that changes with them, so a new release replaces the
 * old cache.
 */
export function techServiceWorker(): Plugin {
  return {
    name: 'portico:tech-sw',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const precache = techPrecacheList(bundle as unknown as OutputBundle);
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(path.resolve(import.meta.dirname, '../src/web/sw/tech.sw.ts'), 'utf8');
      const { code } = await transform(source, {
        loader: 'ts',
        format: 'esm',
        target: 'es2022',
        minify: true,
        define: { __PRECACHE__: JSON.stringify(precache), __VERSION__: JSON.stringify(version) },
      });
      this.emitFile({ type: 'asset', fileName: 'tech-sw.js', source: code });
    },
  };
}
