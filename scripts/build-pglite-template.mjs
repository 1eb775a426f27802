// Builds the embedded database's template into dist/pglite-template/<key>
// (src/server/db/pglite.builder.mjs); a first start copies it.
// `--if-stale` skips the build when the template for the committed migrations exists.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildTemplate } from '../src/server/db/pglite.builder.mjs';
import { templatePath } from '../src/server/db/pglite.template.mjs';

const root = path.resolve(import.meta.dirname, '..');
const migrationsFolder = path.join(root, 'drizzle');
const templatesDir = path.join(root, 'dist/pglite-template');
const target = templatePath(templatesDir, migrationsFolder);

if (process.argv.includes('--if-stale') && existsSync(path.join(target, 'PG_VERSION'))) {
  console.log('The embedded database template is up to date: skipping its build.');
} else {
  const started = performance.now();
  await buildTemplate(templatesDir, migrationsFolder);
  console.log(`Built the embedded database template into ${path.relative(root, target)} in ${Math.round(performance.now() - started)} ms.`);
}
