import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliFailure } from './cli.args.ts';

/**
 * A Portico backup is one .tar.gz holding:
 *   portico-backup.json   this manifest
 *   pglite.tar.gz         the embedded database (PGlite dumpDataDir), or
 *   postgres.dump         the PostgreSQL database (pg_dump --format=custom)
 *   files/                the uploaded files (DATA_DIR/files, content-addressed)
 */
export const MANIFEST_NAME = 'portico-backup.json';
export const PGLITE_DUMP = 'pglite.tar.gz';
export const POSTGRES_DUMP = 'postgres.dump';

export interface BackupManifest {
  format: 'portico-backup';
  version: 1;
  database: 'pglite' | 'postgres';
  createdAt: string;
  /** The newest migration in the backed-up database. */
  migration: string | null;
}

export function writeManifest(dir: string, manifest: BackupManifest): void {
  writeFileSync(path.join(dir, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(dir: string, archive: string): BackupManifest {
  const file = path.join(dir, MANIFEST_NAME);
  if (!existsSync(file)) throw new CliFailure(`${archive} is not a Portico backup: it has no ${MANIFEST_NAME}.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'portico-backup' || manifest.version !== 1)
    throw new CliFailure(`${archive} is a backup format this version of Portico does not know (${manifest.format} v${manifest.version}).`);
  const dump = path.join(dir, manifest.database === 'pglite' ? PGLITE_DUMP : POSTGRES_DUMP);
  if (!existsSync(dump)) throw new CliFailure(`${archive} is incomplete: it has no ${path.basename(dump)}.`);
  return manifest;
}

/** Runs a tool (tar, pg_dump, pg_restore); a missing tool or a failure becomes one clear message. */
export function runTool(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new CliFailure(
          error.code === 'ENOENT'
            ? `${command} was not found on the PATH. ${command.startsWith('pg_') ? 'Install the PostgreSQL client tools (pg_dump, pg_restore, psql), of the same or a newer major version than the server (Debian: apt install postgresql-client).' : `Install ${command}.`}`
            : `${command} could not start: ${error.message}`,
        ),
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new CliFailure(`${command} failed (exit code ${code}): ${stderr.trim().split('\n').join('; ') || 'no message'}`));
    });
  });
}

/** Packs the staged dump and manifest, plus DATA_DIR/files (without in-progress uploads), into one .tar.gz. */
export async function packArchive(out: string, stagingDir: string, dumpName: string, dataDir: string): Promise<void> {
  const files = existsSync(path.join(dataDir, 'files')) ? ['-C', dataDir, 'files'] : ['-C', stagingDir, 'files'];
  await runTool('tar', ['--exclude=files/tmp', '-czf', out, '-C', stagingDir, MANIFEST_NAME, dumpName, ...files]);
}

export async function unpackArchive(archive: string, intoDir: string): Promise<void> {
  try {
    await runTool('tar', ['-xzf', archive, '-C', intoDir, '--no-same-owner']);
  } catch (error) {
    throw new CliFailure(`${archive} could not be unpacked as a .tar.gz backup: ${(error as Error).message}`);
  }
}

/** How many uploaded files a files/ directory holds (in-progress uploads in tmp/ aside). */
export function countFiles(filesDir: string): number {
  if (!existsSync(filesDir)) return 0;
  return readdirSync(filesDir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && path.relative(filesDir, entry.parentPath).split(path.sep)[0] !== 'tmp',
  ).length;
}

/** A libpq connection without the password on the command line (visible to `ps`): the password goes in PGPASSWORD. */
export function postgresConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}
