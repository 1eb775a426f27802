import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';

/**
 * The real `portico` command in a child process, always on the embedded database (PGlite)
 * in a temporary DATA_DIR, also when the suite runs against PostgreSQL: DATABASE_URL is
 * blanked for the child (an empty value also keeps ./.env from setting it).
 */
const root = path.resolve(import.meta.dirname, '../../..');
const mainPath = path.join(import.meta.dirname, 'main.ts');
const temp = mkdtempSync(path.join(os.tmpdir(), 'portico-cli-'));
const dataDir = path.join(temp, 'data');
const restoredDir = path.join(temp, 'restored');
const backupFile = path.join(temp, 'backup.tar.gz');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function portico(args: string[], dir = dataDir): Promise<Run> {
  const env = { ...process.env, DATABASE_URL: '', SMTP_URL: '', DATA_DIR: dir, NODE_ENV: 'test', PUBLIC_URL: 'http://portico.test' };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', mainPath, ...args], { cwd: root, env, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs SQL on a data directory directly, the way someone with disk access could. */
async function onDisk<T>(dir: string, query: ReturnType<typeof sql>): Promise<T[]> {
  const database = await openDatabase({ dataDir: dir });
  try {
    const result = await database.db.execute(query);
    return (result as unknown as { rows: T[] }).rows;
  } finally {
    await database.close();
  }
}

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe('the portico command', () => {
  let organizationId = '';

  it('explains bad usage in one line and exits 2', async () => {
    const run = await portico(['invite', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('portico invite: unknown option --bogus');
    expect(run.stderr).toContain('Usage: portico invite');
  });

  it('migrates, then creates an organization with its owner', async () => {
    const migrated = await portico(['migrate']);
    expect(migrated.stderr).toBe('');
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/Applied \d+ migrations?: 0000_init/);

    const created = await portico([
      'create-org',
      '--name',
      'Quayside Repairs',
      '--owner-email',
      'Quinn@Quayside.example',
      '--owner-name',
      'Quinn Quayside',
      '--password',
      'Copper-Kettle-Morning-58',
    ]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    organizationId = /\(id ([0-9a-f-]{36})\)/.exec(created.stdout)?.[1] ?? '';
    expect(organizationId).not.toBe('');
    expect(created.stdout).toContain('quinn@quayside.example');

    const duplicate = await portico(['create-org', '--name', 'Other', '--owner-email', 'quinn@quayside.example', '--owner-name', 'Q']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('There is already an account for quinn@quayside.example');
  });

  it('verifies the audit chains, and names the first changed event', async () => {
    const intact = await portico(['audit', 'verify']);
    expect(intact.code).toBe(0);
    expect(intact.stdout.split('\n')[0]).toBe('1 chain, 1 event, OK');

    await onDisk(dataDir, sql`update audit_events set action = 'x' where seq = 1`);
    const tampered = await portico(['audit', 'verify']);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain(`chain org:${organizationId}: first broken link at event #1:`);
  });

  it('backs up and restores into another data directory, refusing to overwrite without --force', async () => {
    const backup = await portico(['backup', '--out', backupFile]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);

    const restored = await portico(['restore', '--in', backupFile], restoredDir);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('1 organization');
    const rows = await onDisk<{ id: string; name: string }>(restoredDir, sql`select id, name from organizations`);
    expect(rows).toEqual([{ id: organizationId, name: 'Quayside Repairs' }]);

    const again = await portico(['restore', '--in', backupFile], restoredDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
  });

  it('invites a staff member on the restored copy and prints the link', async () => {
    const run = await portico(['invite', '--org', 'Quayside Repairs', '--email', 'vic@quayside.example', '--name', 'Vic Viewer', '--role', 'viewer'], restoredDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/http:\/\/portico\.test\/invite\?token=[\w-]{20,}/);
  });
});
