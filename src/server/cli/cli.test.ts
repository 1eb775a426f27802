import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { cleanUpChildren, makeTempDir, type RunResult, runChild } from '../test/children.ts';

/**
 * The real `portico` command in a child process, always on the embedded database (PGlite)
 * in a temporary DATA_DIR, also when the suite runs against PostgreSQL: DATABASE_URL is
 * blanked for the child (an empty value also keeps ./.env from setting it). So a run of the
 * suite against PostgreSQL skips these tests: they would only repeat the PGlite run.
 * Every test works in data directories of its own; those that need an organization start
 * from a copy of one made once by `portico create-org`.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const mainPath = path.join(import.meta.dirname, 'main.ts');
const OWNER_PASSWORD = 'Copper-Kettle-Morning-58';

function portico(args: string[], dataDir: string): Promise<RunResult> {
  const env = { ...process.env, DATABASE_URL: '', SMTP_URL: '', DATA_DIR: dataDir, NODE_ENV: 'test', PUBLIC_URL: 'http://portico.test' };
  return runChild(process.execPath, ['--import', 'tsx', mainPath, ...args], { cwd: root, env });
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

function createOrg(dataDir: string, email = 'Quinn@Quayside.example'): Promise<RunResult> {
  return portico(
    ['create-org', '--name', 'Quayside Repairs', '--owner-email', email, '--owner-name', 'Quinn Quayside', '--password', OWNER_PASSWORD],
    dataDir,
  );
}

function organizationIdIn(run: RunResult): string {
  return /\(id ([0-9a-f-]{36})\)/.exec(run.stdout)?.[1] ?? '';
}

/** A data directory made once for the file (migrated, one organization), outside any test's own directories. */
let templateRoot = '';
let template = '';
let templateOrganizationId = '';

/** A test's own copy of the template data directory. */
function copyOfTemplate(): string {
  const dir = path.join(makeTempDir('portico-cli-'), 'data');
  cpSync(template, dir, { recursive: true });
  return dir;
}

const onPostgres = Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  if (onPostgres) return;
  templateRoot = mkdtempSync(path.join(tmpdir(), 'portico-cli-template-'));
  template = path.join(templateRoot, 'data');
  const created = await createOrg(template);
  if (created.code !== 0) throw new Error(`portico create-org failed (${created.code}): ${created.stderr}`);
  templateOrganizationId = organizationIdIn(created);
}, 300_000);

afterEach(cleanUpChildren);
afterAll(() => {
  if (templateRoot) rmSync(templateRoot, { recursive: true, force: true });
});

describe.skipIf(onPostgres)(
  'the portico command (embedded database, skipped when the suite runs on PostgreSQL)',
  { timeout: 900_000 },
  () => {
    it('explains bad usage in one line and exits 2', async () => {
      const run = await portico(['invite', '--bogus'], path.join(makeTempDir('portico-cli-'), 'data'));
      expect(run.code).toBe(2);
      expect(run.stderr.split('\n')[0]).toBe('portico invite: unknown option --bogus');
      expect(run.stderr).toContain('Usage: portico invite');
    });

    it('migrates, then creates an organization with its owner, and refuses a second account for the owner', async () => {
      const dataDir = path.join(makeTempDir('portico-cli-'), 'data');
      const migrated = await portico(['migrate'], dataDir);
      expect(migrated.stderr).toBe('');
      expect(migrated.code).toBe(0);
      // A new data directory is migrated by the command, or already by the built template (dist/pglite-template) it starts from.
      expect(migrated.stdout).toMatch(/Applied \d+ migrations?: 0000_init|No migrations to apply: the database is up to date/);

      const created = await createOrg(dataDir);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(organizationIdIn(created)).not.toBe('');
      expect(created.stdout).toContain('quinn@quayside.example');

      const duplicate = await portico(
        ['create-org', '--name', 'Other', '--owner-email', 'quinn@quayside.example', '--owner-name', 'Q'],
        dataDir,
      );
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr).toContain('There is already an account for quinn@quayside.example');
    });

    it('asks for the organization’s time zone (UTC unless --time-zone names another) and refuses a name that is not one', async () => {
      const dataDir = copyOfTemplate();
      const badZone = await portico(
        ['create-org', '--name', 'Kiwi', '--owner-email', 'k@kiwi.example', '--owner-name', 'K', '--time-zone', 'Mars/Olympus'],
        dataDir,
      );
      expect(badZone.code).toBe(2);
      expect(badZone.stderr.split('\n')[0]).toMatch(/^portico create-org: --time-zone: Not a time zone name/);
      const kiwi = await portico(
        ['create-org', '--name', 'Kiwi', '--owner-email', 'k@kiwi.example', '--owner-name', 'K', '--time-zone', 'pacific/auckland'],
        dataDir,
      );
      expect(kiwi.stderr).toBe('');
      expect(kiwi.code).toBe(0);
      expect(kiwi.stdout).toContain('in the time zone Pacific/Auckland');
      const zones = await onDisk<{ id: string; time_zone: string }>(dataDir, sql`select id, time_zone from organizations order by name`);
      expect(zones).toEqual([
        { id: organizationIdIn(kiwi), time_zone: 'Pacific/Auckland' },
        { id: templateOrganizationId, time_zone: 'UTC' },
      ]);
    });

    it('verifies the audit chains, and names the first changed event', async () => {
      const dataDir = copyOfTemplate();
      const intact = await portico(['audit', 'verify'], dataDir);
      expect(intact.code).toBe(0);
      expect(intact.stdout.split('\n')[0]).toBe('1 chain, 1 event, OK');

      await onDisk(dataDir, sql`update audit_events set action = 'x' where seq = 1`);
      const tampered = await portico(['audit', 'verify'], dataDir);
      expect(tampered.code).toBe(1);
      expect(tampered.stdout).toContain(`chain org:${templateOrganizationId}: first broken link at event #1:`);
    });

    it('backs up and restores into another data directory, refusing to overwrite without --force; the copy works', async () => {
      const dataDir = copyOfTemplate();
      const work = makeTempDir('portico-cli-');
      const backupFile = path.join(work, 'backup.tar.gz');
      const restoredDir = path.join(work, 'restored');
      const backup = await portico(['backup', '--out', backupFile], dataDir);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);

      const restored = await portico(['restore', '--in', backupFile], restoredDir);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain('1 organization');
      const rows = await onDisk<{ id: string; name: string }>(restoredDir, sql`select id, name from organizations`);
      expect(rows).toEqual([{ id: templateOrganizationId, name: 'Quayside Repairs' }]);

      const again = await portico(['restore', '--in', backupFile], restoredDir);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('--force');

      const invited = await portico(
        ['invite', '--org', 'Quayside Repairs', '--email', 'vic@quayside.example', '--name', 'Vic Viewer', '--role', 'viewer'],
        restoredDir,
      );
      expect(invited.stderr).toBe('');
      expect(invited.code).toBe(0);
      expect(invited.stdout).toMatch(/http:\/\/portico\.test\/invite\?token=[\w-]{20,}/);
    });
  },
);
