import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import {
  type BackupManifest,
  countFiles,
  packArchive,
  PGLITE_DUMP,
  POSTGRES_DUMP,
  postgresConnection,
  runTool,
  writeManifest,
} from './backup.archive.ts';
import { CliFailure, type Command, parseFlags, requireFlag } from './cli.args.ts';
import { describeTarget, readCliConfig, withDatabase } from './cli.database.ts';
import { readCurrentMigration } from './cli.migrations.ts';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write the database and the uploaded files to one .tar.gz',
  usage: `Usage: portico backup --out FILE

Writes a consistent backup of the database and the uploaded files
(DATA_DIR/files) to FILE, a .tar.gz holding portico-backup.json, the database
dump (pglite.tar.gz or postgres.dump) and files/. FILE is replaced only once
the backup is complete.

Embedded database (no DATABASE_URL): the backup needs the database to itself,
so stop the server first (the data directory is locked while it runs).
PostgreSQL (DATABASE_URL): uses pg_dump --format=custom (the PostgreSQL client
tools must be installed) and may run while the server runs; the database is
dumped before the files are copied, so every file it refers to is included.

  --out FILE   where to write the backup (e.g. portico-2025-01-31.tar.gz)`,
  async run(args) {
    const { values } = parseFlags(args, { out: { type: 'string' } });
    const out = path.resolve(requireFlag(values.out, 'out'));
    if (!existsSync(path.dirname(out))) throw new CliFailure(`The folder ${path.dirname(out)} does not exist.`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new CliFailure(`${out} is a folder: give a file name for --out.`);
    const config = readCliConfig();
    const staging = mkdtempSync(path.join(path.dirname(out), '.portico-backup-'));
    const partial = `${out}.partial`;
    try {
      mkdirSync(path.join(staging, 'files'));
      if (config.DATABASE_URL) await backUpPostgres(config, staging, partial);
      else await backUpPglite(config, staging, partial);
      renameSync(partial, out);
    } finally {
      rmSync(staging, { recursive: true, force: true });
      rmSync(partial, { force: true });
    }
    const files = countFiles(path.join(config.dataDir, 'files'));
    console.log(
      `Backed up ${describeTarget(config)} and ${files} uploaded ${files === 1 ? 'file' : 'files'} to ${out} (${formatSize(statSync(out).size)}).`,
    );
    console.log('Restore it with: portico restore --in FILE');
  },
};

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function manifestOf(database: BackupManifest['database'], migration: string | null): BackupManifest {
  return { format: 'portico-backup', version: 1, database, createdAt: new Date().toISOString(), migration };
}

/** Holds the data directory's lock throughout, so the database and the files are from one moment. */
async function backUpPglite(config: Config, staging: string, partial: string): Promise<void> {
  if (!existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION')))
    throw new CliFailure(`There is no embedded database in ${config.dataDir} to back up (check DATA_DIR).`);
  await withDatabase(config, 'backup', async (database) => {
    if (!database.dumpDataDir) throw new CliFailure('This database cannot be dumped.');
    const dump = await database.dumpDataDir();
    writeFileSync(path.join(staging, PGLITE_DUMP), Buffer.from(await dump.arrayBuffer()));
    writeManifest(staging, manifestOf('pglite', await readCurrentMigration(database)));
    await packArchive(partial, staging, PGLITE_DUMP, config.dataDir);
  });
}

/** pg_dump first, then the files: uploads are content-addressed and written before their rows. */
async function backUpPostgres(config: Config, staging: string, partial: string): Promise<void> {
  const migration = await withDatabase(config, 'backup', readCurrentMigration);
  const { dbname, env } = postgresConnection(config.DATABASE_URL!);
  await runTool(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(staging, POSTGRES_DUMP)}`, `--dbname=${dbname}`],
    env,
  );
  writeManifest(staging, manifestOf('postgres', migration));
  await packArchive(partial, staging, POSTGRES_DUMP, config.dataDir);
}
