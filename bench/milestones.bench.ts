/**
 * The company's milestone list with 5,000 milestones, against the same list for a company with
 * 50 milestones and against GET /api/me (the fixed cost of a session), all in one process on PGlite.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { refreshStatistics } from '../src/server/db/maintenance.ts';
import { contractors, contracts, engagements, milestones, organizations, staffMembers, users } from '../src/server/db/schema/index.ts';
import { createId } from '../src/server/lib/ids.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';
import { createSessionCookies } from '../src/server/modules/auth/auth.better.ts';

const statuses = ['open', 'submitted', 'changes_requested', 'approved', 'paid'] as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchMilestoneList(): Promise<string[][]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-ms-'));
  const config = readConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://bench.local', LOG_LEVEL: 'silent', DATA_DIR: dataDir }, { loadDotEnv: false });
  const database = await openDatabase({});
  await database.migrate();
  const { app, auth } = await buildApp({ config, database, storage: createDiskStorage(path.join(dataDir, 'files')), logger: false });
  const db = database.db;

  async function company(name: string, contractorCount: number, milestoneCount: number) {
    const orgId = createId();
    const userId = createId();
    const email = `${name.toLowerCase()}@bench.local`;
    await db.insert(organizations).values({ id: orgId, name });
    await db.insert(users).values({ id: userId, name, email, emailVerified: true });
    await db.insert(staffMembers).values({ id: createId(), organizationId: orgId, userId, role: 'owner' });
    const contractIds: Array<{ id: string; contractorId: string }> = [];
    for (let c = 0; c < contractorCount; c++) {
      const contractorId = createId();
      const engagementId = createId();
      const contractId = createId();
      await db.insert(contractors).values({ id: contractorId, name: `${name} contractor ${c}` });
      await db.insert(engagements).values({ id: engagementId, organizationId: orgId, contractorId, status: 'active' });
      await db.insert(contracts).values({
        id: contractId,
        organizationId: orgId,
        contractorId,
        engagementId,
        title: `Contract ${c}`,
        scopeHtml: '',
        rateType: 'milestone',
        rateAmountMinor: 100_000,
        currency: 'EUR',
        startDate: '2025-01-01',
        endDate: '2028-12-31',
        ipClause: '',
        noticePeriodDays: 0,
        status: 'active',
        createdByUserId: userId,
      });
      contractIds.push({ id: contractId, contractorId });
    }
    const rows = Array.from({ length: milestoneCount }, (_, i) => {
      const contract = contractIds[i % contractIds.length]!;
      const day = new Date(Date.UTC(2025, 0, 1) + (i % 1400) * 86_400_000).toISOString().slice(0, 10);
      return {
        id: createId(),
        organizationId: orgId,
        contractorId: contract.contractorId,
        contractId: contract.id,
        title: `Milestone ${i}`,
        description: '',
        dueDate: day,
        amountMinor: 10_000 + i,
        currency: 'EUR',
        status: statuses[i % statuses.length]!,
        createdByUserId: userId,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await db.insert(milestones).values(rows.slice(i, i + 500));
    const cookie = (await createSessionCookies(auth, email, new Headers({ origin: 'http://bench.local' }))).map((c) => c.split(';')[0]).join('; ');
    return { cookie, contractorId: contractIds[0]!.contractorId };
  }

  const big = await company('Big', 20, 5000);
  const small = await company('Small', 2, 50);
  // As the server does at start and every hour (PGlite has no autovacuum).
  await refreshStatistics(database);

  async function time(url: string, cookie: string, runs = 200): Promise<number[]> {
    for (let i = 0; i < 20; i++) await app.inject({ url, headers: { cookie } });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await app.inject({ url, headers: { cookie } });
      times.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    }
    return times;
  }
  const fmt = (t: number[]) => `p50 ${percentile(t, 50).toFixed(2)} ms, p95 ${percentile(t, 95).toFixed(2)} ms`;
  const me = await time('/api/me', big.cookie);
  const rows: string[][] = [];
  for (const [label, query] of [
    ['Pending, first page of 50', 'view=pending'],
    ['Approved, first page of 50', 'view=approved'],
    ['Pending of one contractor', `view=pending&contractorId=${big.contractorId}`],
    ['Overdue', 'overdue=true'],
    ['All, page of 200', 'limit=200'],
  ] as const) {
    const large = await time(`/api/milestones?${query.replace(big.contractorId, big.contractorId)}`, big.cookie);
    const base = await time(`/api/milestones?${query.replace(big.contractorId, small.contractorId)}`, small.cookie);
    rows.push([
      `GET /api/milestones: ${label} (5,000 milestones)`,
      fmt(large),
      `same list with 50 milestones: ${fmt(base)}; GET /api/me: ${fmt(me)}`,
      `${(percentile(large, 50) / percentile(base, 50)).toFixed(2)}x the 50-milestone list`,
    ]);
  }
  await app.close();
  await database.close();
  return rows;
}
