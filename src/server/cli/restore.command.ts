import { existsSync, mkdirSync, openAsBlob, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { acquireDataDirLock, DataDirLockedError } from '../db/lock.ts';
import { createId } from '../lib/ids.ts';
import { countFiles, PGLITE_DUMP, POSTGRES_DUMP, postgresConnection, readManifest, runTool, unpackArchive } from './backup.archive.ts';
import { CliFailure, type Command, parseFlags, requireFlag } from './cli.args.ts';
import { describeTarget, explainLocked, openCliDatabase, queryOne, readCliConfig, withDatabase } from './cli.database.ts';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore a backup made by portico backup',
  usage: `Usage: portico restore --in FILE [--force]

Restores a backup written by \`portico backup\`: the database and the uploaded
files (DATA_DIR/files). Stop the server first. A backup of the embedded
database restores into DATA_DIR; a PostgreSQL backup restores into
DATABASE_URL with pg_restore and psql (the PostgreSQL client tools).
Refuses to replace existing data unless --force is given. The server applies
newer migrations when it starts.

  --in FILE   the backup file (.tar.gz)
  --force     replace the database and files that are there now`,
  async run(args) {
    const { values } = parseFlags(args, { in: { type: 'string' }, force: { type: 'boolean' } });
    const archive = path.resolve(requireFlag(values.in, 'in'));
    if (!existsSync(archive) || !statSync(archive).isFile()) throw new CliFailure(`${archive} does not exist.`);
    const force = values.force ?? false;
    const config = readCliConfig();
    mkdirSync(config.dataDir, { recursive: true });
    let release: () => void;
    try {
      release = config.DATABASE_URL ? () => {} : acquireDataDirLock(config.dataDir);
    } catch (error) {
      if (error instanceof DataDirLockedError) throw explainLocked(error, 'restore');
      throw error;
    }
    const staging = path.join(config.dataDir, `.restore-${createId()}`);
    try {
      mkdirSync(staging);
      await unpackArchive(archive, staging);
      const manifest = readManifest(staging, archive);
      if (manifest.database === 'pglite' && config.DATABASE_URL)
        throw new CliFailure('This is a backup of the embedded database: unset DATABASE_URL (and set DATA_DIR) to restore it.');
      if (manifest.database === 'postgres' && !config.DATABASE_URL)
        throw new CliFailure('This is a backup of a PostgreSQL database: set DATABASE_URL to the database to restore it into.');
      const restored =
        manifest.database === 'pglite' ? await restorePglite(config, staging, force) : await restorePostgres(config, staging, force);
      const files = countFiles(path.join(config.dataDir, 'files'));
      console.log(
        `Restored the backup of ${manifest.createdAt} (migration ${manifest.migration ?? 'none'}) into ${describeTarget(config)}: ${restored} ${restored === 1 ? 'organization' : 'organizations'}, ${files} uploaded ${files === 1 ? 'file' : 'files'}.`,
      );
      console.log('Start the server: it applies any newer migrations.');
    } finally {
      rmSync(staging, { recursive: true, force: true });
      release();
    }
  },
};

function hasEntries(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

function refuse(what: string, elsewhere: string): never {
  throw new CliFailure(`${what} already holds data. Restoring replaces it: run again with --force, or ${elsewhere}.`);
}

/** Moves the current data aside, to be put back if the restore fails (and deleted with the staging folder if not). */
function setAside(dirs: string[], staging: string): { putBack(): void } {
  const moved: Array<[string, string]> = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    const aside = path.join(staging, `previous-${path.basename(dir)}`);
    renameSync(dir, aside);
    moved.push([dir, aside]);
  }
  return {
    putBack() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      for (const [dir, aside] of moved) renameSync(aside, dir);
    },
  };
}

function placeFiles(config: Config, staging: string): void {
  const from = path.join(staging, 'files');
  if (existsSync(from)) renameSync(from, path.join(config.dataDir, 'files'));
}

async function countOrganizations(database: Database): Promise<number> {
  const row = await queryOne<{ n: number | string }>(database, 'select count(*)::int as n from organizations');
  return Number(row?.n ?? 0);
}

/** The files first, the database last: PGlite creates the data directory from the dump's tarball. */
async function restorePglite(config: Config, staging: string, force: boolean): Promise<number> {
  const databaseDir = path.join(config.dataDir, 'pglite');
  const filesDir = path.join(config.dataDir, 'files');
  if (!force && (hasEntries(databaseDir) || countFiles(filesDir) > 0))
    refuse(`The data directory ${config.dataDir}`, 'set DATA_DIR to an empty directory');
  const previous = setAside([databaseDir, filesDir], staging);
  try {
    placeFiles(config, staging);
    // The lock is already this process's: openDatabase takes it over and releases it on close.
    const database = await openCliDatabase(config, 'restore', await openAsBlob(path.join(staging, PGLITE_DUMP)));
    try {
      return await countOrganizations(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    previous.putBack();
    if (error instanceof CliFailure) throw error;
    throw new CliFailure(
      `The database in the backup could not be loaded (${(error as Error).message}); ${config.dataDir} was left as it was.`,
    );
  }
}

/** The schemas a Portico database uses: its tables, Drizzle's migration journal, the job queue. */
const postgresSchemas = ['public', 'drizzle', 'pgboss'];
const emptyPostgres =
  'drop schema if exists public cascade; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade; create schema public;';

/**
 * pg_restore turns the dump into SQL; psql runs it in one transaction, after emptying the
 * Portico schemas when --force replaces data, so a failed restore leaves the database as it was.
 */
async function restorePostgres(config: Config, staging: string, force: boolean): Promise<number> {
  const filesDir = path.join(config.dataDir, 'files');
  const tables = await withDatabase(config, 'restore', (database) =>
    queryOne<{ n: number | string }>(database, 'select count(*)::int as n from information_schema.tables where table_schema = any($1)', [
      postgresSchemas,
    ]),
  );
  const nonEmpty = Number(tables?.n ?? 0) > 0;
  if (!force && nonEmpty) refuse(describeTarget(config), 'set DATABASE_URL to an empty database');
  if (!force && countFiles(filesDir) > 0) refuse(`The files folder ${filesDir}`, 'set DATA_DIR to an empty directory');
  const script = path.join(staging, 'restore.sql');
  await runTool('pg_restore', ['--no-owner', '--no-privileges', `--file=${script}`, path.join(staging, POSTGRES_DUMP)]);
  const { dbname, env } = postgresConnection(config.DATABASE_URL!);
  const empty = nonEmpty ? ['--command', emptyPostgres] : [];
  await runTool(
    'psql',
    ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', ...empty, `--file=${script}`, `--dbname=${dbname}`],
    env,
  );
  const previous = setAside([filesDir], staging);
  try {
    placeFiles(config, staging);
  } catch (error) {
    previous.putBack();
    throw error;
  }
  return withDatabase(config, 'restore', countOrganizations);
}
