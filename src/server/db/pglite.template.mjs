// The embedded database's template: a PGlite data directory that is already initialised and
// migrated, built once by `npm run build` (scripts/build-pglite-template.mjs) into
// dist/pglite-template/<key>. A first start copies it (a plain file copy, a fraction of a second)
// instead of running initdb in WASM and replaying every migration (seconds). The key names the
// PGlite version and the committed migrations, so a template never serves another schema or
// another PostgreSQL build; without a current template the server initialises as before.
// Plain JavaScript: the build script runs it as is, and the server bundles it.
import { createHash } from 'node:crypto';
import { constants, cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';

/** The installed PGlite's version: a data directory is only reused by the build that wrote it. */
function pgliteVersion() {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8'));
      if (pkg.name === '@electric-sql/pglite') return pkg.version;
    }
    if (path.dirname(dir) === dir) throw new Error('@electric-sql/pglite has no package.json');
    dir = path.dirname(dir);
  }
}

/** The committed migrations, each as Drizzle records it once applied (hash of its SQL, journal time). */
export function committedMigrations(migrationsFolder) {
  return readMigrationFiles({ migrationsFolder })
    .map((m) => `${m.hash}@${m.folderMillis}`)
    .join(',');
}

/** The template's name: PGlite's version and the hash of every committed migration. */
export function templateKey(migrationsFolder) {
  return createHash('sha256')
    .update(`${pgliteVersion()}|${committedMigrations(migrationsFolder)}`)
    .digest('hex')
    .slice(0, 16);
}

/** Where the template for these migrations lives under `templatesDir`. */
export function templatePath(templatesDir, migrationsFolder) {
  return path.join(templatesDir, templateKey(migrationsFolder));
}

/**
 * Creates `pgdataDir` from the current template when there is one and the directory holds no
 * database yet. Copied beside it first and renamed into place, so a crash mid-copy leaves no
 * half directory behind. Returns whether the template was used.
 */
export function seedFromTemplate(pgdataDir, templatesDir, migrationsFolder) {
  if (existsSync(path.join(pgdataDir, 'PG_VERSION'))) return false;
  const template = templatePath(templatesDir, migrationsFolder);
  if (!existsSync(path.join(template, 'PG_VERSION'))) return false;
  if (existsSync(pgdataDir)) rmSync(pgdataDir, { recursive: true, force: true });
  const partial = `${pgdataDir}.copying`;
  rmSync(partial, { recursive: true, force: true });
  // A copy-on-write clone where the file system offers one (APFS, Btrfs, XFS): near instant;
  // elsewhere (ext4) an ordinary copy, ~840 small files.
  cpSync(template, partial, { recursive: true, mode: constants.COPYFILE_FICLONE });
  renameSync(partial, pgdataDir);
  return true;
}
