import { readFileSync } from 'node:fs';
import type { Database } from '../db/client.ts';
import { projectPath } from '../lib/paths.ts';
import { queryOne } from './cli.database.ts';

const journalPath = projectPath('drizzle/meta/_journal.json');

interface JournalEntry {
  tag: string;
  when: number;
}

export interface MigrationReport {
  /** Tags applied by this run, oldest first. */
  applied: string[];
  /** The newest migration the database has, by tag when this version knows it. */
  current: string | null;
  /** True when the database has migrations this version of Portico does not know (a newer version ran here). */
  newer: boolean;
}

function readJournal(): JournalEntry[] {
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

/** Drizzle records each applied migration with its journal timestamp; the newest one, or 0. */
async function newestAppliedAt(database: Database): Promise<number> {
  const table = await queryOne<{ t: string | null }>(database, `select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!table?.t) return 0;
  const row = await queryOne<{ at: string | number | null }>(database, 'select max(created_at) as at from drizzle.__drizzle_migrations');
  return Number(row?.at ?? 0);
}

/** The newest migration the database has, by tag (null when none); reads only. */
export async function readCurrentMigration(database: Database): Promise<string | null> {
  const at = await newestAppliedAt(database);
  return (
    readJournal()
      .filter((e) => e.when <= at)
      .at(-1)?.tag ?? null
  );
}

/** Applies the pending migrations (database.migrate) and says which ones ran. */
export async function applyMigrations(database: Database): Promise<MigrationReport> {
  const entries = readJournal();
  const before = await newestAppliedAt(database);
  await database.migrate();
  const after = await newestAppliedAt(database);
  const applied = entries.filter((e) => e.when > before && e.when <= after).map((e) => e.tag);
  const known = entries.filter((e) => e.when <= after);
  return {
    applied,
    current: known.at(-1)?.tag ?? null,
    newer: after > (entries.at(-1)?.when ?? 0),
  };
}

/** One line for a person: what the run did. */
export function describeMigrations(report: MigrationReport): string {
  const newer = report.newer ? ' The database also has migrations from a newer version of Portico.' : '';
  if (report.applied.length === 0) return `No migrations to apply: the database is up to date (${report.current ?? 'empty'}).${newer}`;
  const plural = report.applied.length === 1 ? 'migration' : 'migrations';
  return `Applied ${report.applied.length} ${plural}: ${report.applied.join(', ')}. The database is now at ${report.current}.${newer}`;
}
