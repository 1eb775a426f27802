/**
 * The desk view at 100,000 jobs (issue 12), in one process per database: Portico's app on PGlite
 * (in memory) or a fresh database on the PostgreSQL of DATABASE_URL, one contractor with 100,000
 * jobs across two organizations (and another contractor's 10,000), then, in the same run:
 * GET /api/me, a filtered, sorted first page of GET /api/desk/jobs for three sorts (with its
 * bounded count), and bulk assignments of 1,000 jobs (technician + scheduled date). p50, p95 and
 * SQL statements per request for each. Only 127.0.0.1.
 *
 * `npm run bench:desk` alone; `npm run bench` runs it too. Results: bench/desk-results.json.
 */
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { refreshStatistics } from '../src/server/db/maintenance.ts';
import { contractorMembers, contractors, engagements, organizations, technicians, users } from '../src/server/db/schema/index.ts';
import { insertJobsInBulk, withJobIndexesDeferred } from '../src/server/demo/demo.desk.ts';
import { createId } from '../src/server/lib/ids.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';
import { createSessionCookies } from '../src/server/modules/auth/auth.better.ts';
import { attachSqlCounter } from '../src/server/test/sql-counter.ts';
import { createPostgresDatabase } from '../src/server/test/own-database.ts';

const PUBLIC_URL = 'http://bench.local';
const JOBS = Number(process.env.BENCH_DESK_JOBS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_DESK_REQUESTS ?? 40);
const BULKS = 5;

export interface DeskRow {
  measure: string;
  db: 'pglite' | 'postgres';
  runs: number;
  p50: number;
  p95: number;
  statementsPerRequest: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function request(port: number, agent: http.Agent, headers: Record<string, string>, method: string, url: string, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method,
        path: url,
        headers:
          body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function benchDesk(databaseUrl: string | undefined): Promise<DeskRow[]> {
  const postgres = databaseUrl ? await createPostgresDatabase(databaseUrl, 'desk') : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-desk-'));
  const config = readConfig(
    { NODE_ENV: 'production', PUBLIC_URL, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? '' },
    { loadDotEnv: false },
  );
  const database = await openDatabase({ databaseUrl: postgres?.url });
  const rows: DeskRow[] = [];
  try {
    await database.migrate();
    const db = database.db;
    const [contractorX, contractorY, orgA, orgB, userId, techUserId, technicianId] = Array.from({ length: 7 }, createId) as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const email = `desk.${userId}@bench.local`;
    await db.insert(users).values([
      { id: userId, email, name: 'Desk Bench', emailVerified: true },
      { id: techUserId, email: `tech.${techUserId}@bench.local`, name: 'Bench Tech', emailVerified: true },
    ]);
    await db.insert(organizations).values([
      { id: orgA, name: 'Bench Facilities A' },
      { id: orgB, name: 'Bench Facilities B' },
    ]);
    await db.insert(contractors).values([
      { id: contractorX, name: 'Bench Crew X' },
      { id: contractorY, name: 'Bench Crew Y' },
    ]);
    const [eAX, eBX, eBY] = [createId(), createId(), createId()];
    await db.insert(engagements).values([
      { id: eAX, organizationId: orgA, contractorId: contractorX, status: 'active' },
      { id: eBX, organizationId: orgB, contractorId: contractorX, status: 'active' },
      { id: eBY, organizationId: orgB, contractorId: contractorY, status: 'active' },
    ]);
    await db.insert(contractorMembers).values({ id: createId(), contractorId: contractorX, userId, role: 'admin' });
    await db.insert(technicians).values({ id: technicianId, contractorId: contractorX, userId: techUserId });
    const today = new Date().toISOString().slice(0, 10);
    const seeded = performance.now();
    await withJobIndexesDeferred(db, async () => {
      const base = { createdByUserId: userId, today };
      await insertJobsInBulk(db, {
        ...base,
        organizationId: orgA,
        contractorId: contractorX,
        engagementId: eAX,
        count: JOBS / 2,
        numberFrom: 0,
      });
      await insertJobsInBulk(db, {
        ...base,
        organizationId: orgB,
        contractorId: contractorX,
        engagementId: eBX,
        count: JOBS / 2,
        numberFrom: 0,
      });
      await insertJobsInBulk(db, {
        ...base,
        organizationId: orgB,
        contractorId: contractorY,
        engagementId: eBY,
        count: JOBS / 10,
        numberFrom: JOBS / 2,
      });
    });
    await refreshStatistics(database);
    if (database.kind === 'postgres') await database.raw.executeSql('analyze', []);
    process.stderr.write(`desk bench: ${JOBS} jobs seeded on ${database.kind} in ${((performance.now() - seeded) / 1000).toFixed(0)} s\n`);

    const { app, auth } = await buildApp({ config, database, storage: createDiskStorage(path.join(dataDir, 'files')), logger: false });
    const counter = attachSqlCounter(db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const cookies = await createSessionCookies(auth, email, new Headers({ origin: PUBLIC_URL }));
    const headers = {
      cookie: cookies.map((c) => c.split(';')[0]).join('; '),
      'x-portico-context': `contractor:${contractorX}`,
      origin: PUBLIC_URL,
    };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const measure = async (label: string, runs: number, next: (i: number) => { method: string; url: string; body?: string }) => {
      const warm = next(-1);
      await request(port, agent, headers, warm.method, warm.url, warm.body);
      const times: number[] = [];
      counter.reset();
      for (let i = 0; i < runs; i++) {
        const target = next(i);
        const t0 = performance.now();
        const res = await request(port, agent, headers, target.method, target.url, target.body);
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`${target.method} ${target.url}: ${res.status} ${res.body.slice(0, 300)}`);
      }
      rows.push({
        measure: label,
        db: database.kind,
        runs,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        statementsPerRequest: counter.count / runs,
      });
      process.stderr.write('.');
    };
    const get = (url: string) => () => ({ method: 'GET', url });
    await measure('GET /api/me', REQUESTS, get('/api/me'));
    await measure(
      'GET /api/desk/jobs sort=due, status accepted/scheduled/in progress (first page + count)',
      REQUESTS,
      get('/api/desk/jobs?sort=due&status=accepted,scheduled,in_progress&limit=50'),
    );
    await measure(
      'GET /api/desk/jobs sort=organization, needs action (first page + count)',
      REQUESTS,
      get('/api/desk/jobs?sort=organization&needsAction=true&limit=50'),
    );
    await measure(
      'GET /api/desk/jobs sort=site desc, not scheduled, search "inspection" (first page + count)',
      REQUESTS,
      get('/api/desk/jobs?sort=site&dir=desc&scheduled=false&q=inspection&limit=50'),
    );
    await measure('GET /api/desk/jobs sort=scheduled, a later page (cursor)', REQUESTS, (i) => ({ method: 'GET', url: laterPage(i) }));
    // 1,000 accepted jobs per request, a different thousand each time: technician + date (accepted → scheduled).
    const accepted = await database.raw.executeSql(
      `select id from jobs where contractor_id = $1 and status = 'accepted' order by id limit ${(BULKS + 1) * 1000}`,
      [contractorX],
    );
    const ids = (accepted.rows as Array<{ id: string }>).map((r) => r.id);
    await measure('POST /api/desk/jobs/bulk-edit, 1,000 jobs (technician + date)', BULKS, (i) => ({
      method: 'POST',
      url: '/api/desk/jobs/bulk-edit',
      body: JSON.stringify({
        selection: { ids: ids.slice((i + 1) * 1000, (i + 2) * 1000) },
        technicianIds: [technicianId],
        scheduledOn: '2027-02-01',
        confirmFlagged: true,
      }),
    }));
    await app.close();
    return rows;

    function laterPage(i: number): string {
      return `/api/desk/jobs?sort=scheduled&limit=50&cursor=${Buffer.from(JSON.stringify([`2026-0${1 + (i % 9)}-15`, 'm'])).toString('base64url')}`;
    }
  } finally {
    await database.close();
    await postgres?.drop();
  }
}

export function printDeskRows(rows: DeskRow[]): void {
  console.log('\n| desk at 100,000 jobs | db | runs | p50 ms | p95 ms | stmts/req |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.measure} | ${r.db} | ${r.runs} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.statementsPerRequest.toFixed(1)} |`,
    );
}

export function writeDeskResults(rows: DeskRow[]): void {
  const file = path.resolve(import.meta.dirname, 'desk-results.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), jobs: JOBS, rows }, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const rows: DeskRow[] = [];
  rows.push(...(await benchDesk(undefined)));
  if (process.env.DATABASE_URL) rows.push(...(await benchDesk(process.env.DATABASE_URL)));
  printDeskRows(rows);
  writeDeskResults(rows);
}
