import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { projectPath } from '../lib/paths.ts';
import { cleanUpChildren, makeTempDir } from '../test/children.ts';
import { type Database, openDatabase } from './client.ts';
import { buildTemplate } from './pglite.builder.mjs';
import { seedFromTemplate, templateKey, templatePath } from './pglite.template.mjs';

const migrations = projectPath('drizzle');

async function rowsOf(database: Database, query: SQL): Promise<unknown[]> {
  return ((await database.db.execute(query)) as unknown as { rows: unknown[] }).rows;
}

/** A migrated PGlite data directory with one marker row, made the way the build makes the template. */
async function makeTemplate(templatesDir: string): Promise<void> {
  const dataDir = makeTempDir('portico-template-src-');
  const database = await openDatabase({ dataDir });
  await database.migrate();
  await database.db.execute(sql`create table template_marker (note text)`);
  await database.db.execute(sql`insert into template_marker values ('from the template')`);
  await database.close();
  mkdirSync(templatesDir, { recursive: true });
  cpSync(path.join(dataDir, 'pglite'), templatePath(templatesDir, migrations), { recursive: true });
}

describe('the embedded database template', () => {
  afterEach(cleanUpChildren);

  it('gives a new data directory a copy of the current template, already migrated, and never touches an existing one', async () => {
    const templatesDir = makeTempDir('portico-templates-');
    await makeTemplate(templatesDir);
    const dataDir = makeTempDir('portico-seeded-');
    const pgdata = path.join(dataDir, 'pglite');
    expect(seedFromTemplate(pgdata, templatesDir, migrations)).toBe(true);
    expect(readdirSync(dataDir)).toEqual(['pglite']);
    const database = await openDatabase({ dataDir });
    expect(await rowsOf(database, sql`select note from template_marker`)).toEqual([{ note: 'from the template' }]);
    await database.migrate();
    const [applied] = (await rowsOf(database, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as Array<{ n: number }>;
    expect(applied?.n).toBeGreaterThan(0);
    await database.db.execute(sql`insert into template_marker values ('mine')`);
    await database.close();
    expect(seedFromTemplate(pgdata, templatesDir, migrations)).toBe(false);
    const reopened = await openDatabase({ dataDir });
    expect(await rowsOf(reopened, sql`select count(*)::int as n from template_marker`)).toEqual([{ n: 2 }]);
    await reopened.close();
  }, 180_000);

  it('is not used when it was built for other migrations, or when there is none', async () => {
    const templatesDir = makeTempDir('portico-templates-');
    const pgdata = path.join(makeTempDir('portico-seeded-'), 'pglite');
    expect(seedFromTemplate(pgdata, templatesDir, migrations)).toBe(false);
    // The same migrations and one more: another key, so the template built for them is not ours.
    const other = makeTempDir('portico-other-migrations-');
    cpSync(migrations, other, { recursive: true });
    const journalFile = path.join(other, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<Record<string, unknown>> };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: journal.entries.length, when: Number(last.when) + 1, tag: '9999_extra' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(path.join(other, '9999_extra.sql'), 'create table extra (id int);');
    expect(templateKey(other)).not.toBe(templateKey(migrations));
    const foreign = templatePath(templatesDir, other);
    mkdirSync(foreign, { recursive: true });
    writeFileSync(path.join(foreign, 'PG_VERSION'), '17');
    expect(seedFromTemplate(pgdata, templatesDir, migrations)).toBe(false);
    expect(existsSync(pgdata)).toBe(false);
  });

  it('is built migrated, with the one database the app uses, and a copy of it opens with nothing left to migrate', async () => {
    const templatesDir = makeTempDir('portico-templates-');
    await buildTemplate(templatesDir, migrations);
    expect(readdirSync(templatesDir)).toEqual([templateKey(migrations)]);
    const dataDir = makeTempDir('portico-seeded-');
    expect(seedFromTemplate(path.join(dataDir, 'pglite'), templatesDir, migrations)).toBe(true);
    const database = await openDatabase({ dataDir });
    expect(await rowsOf(database, sql`select datname from pg_database`)).toEqual([{ datname: 'postgres' }]);
    expect(await rowsOf(database, sql`select current_database() as name`)).toEqual([{ name: 'postgres' }]);
    const before = await rowsOf(database, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    await database.migrate();
    expect(await rowsOf(database, sql`select count(*)::int as n from drizzle.__drizzle_migrations`)).toEqual(before);
    expect(await rowsOf(database, sql`select count(*)::int as n from organizations`)).toEqual([{ n: 0 }]);
    await database.close();
  }, 180_000);
});
