/**
 * `npm run bench`: the yardstick of issue 8. For PGlite and, when DATABASE_URL is set, PostgreSQL
 * (a fresh database made on that server and dropped after), at 1 and 10 connections: every route
 * beside a bare `node:http` route running one indexed SELECT on the same database in the same run,
 * measured just before and just after each route (GET /api/me, every list at a small and a large
 * size, approve and submit), `/health` idle and while 50 connections load a list (bench.health.ts),
 * then the first start, restarts and RSS beside a bare Node server. Beside each route, the server's CPU per request on
 * its main thread and on PGlite's thread (where a ratio's time goes: both threads and the load
 * loop share this machine's cores). One table of ratios on stdout, the same rows in
 * bench/results.json, and the EXPLAIN of every large list (any Seq Scan on a big table is named).
 *
 * Bounded: each measurement runs at most BENCH_SECONDS (default 1.5) or 3,000 requests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type LoadResult, runLoad, type Target } from './bench.load.ts';
import { benchHealth, type HealthUnderLoad } from './bench.health.ts';
import { type BenchServerInfo, cpuPerRequest, PUBLIC_URL, type Session, type ThreadCpu } from './bench.shared.ts';
import { benchStart } from './bench.start.ts';
import { benchDesk, type DeskRow, printDeskRows, writeDeskResults } from './bench.desk.ts';
import { benchMoney } from './bench.money.run.ts';
import { benchLive, type LiveRow, printLiveRows, writeLiveResults } from './bench.live.ts';
import { benchMessages, type MessageRow, printMessageRows, writeMessageResults } from './bench.messages.ts';

const root = path.resolve(import.meta.dirname, '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 1.5);
const maxRequests = 3000;
const maxWrites = 400;

export interface Row {
  measure: string;
  db: 'pglite' | 'postgres';
  connections: number | null;
  rps: number | null;
  p50: number | null;
  p99: number | null;
  /** Throughput over the baseline's (routes), or time/memory over the bare server's (start, RSS). */
  ratio: number | null;
  statementsPerRequest: number | null;
  /** CPU ms per request on the server's main thread, and on its busiest other thread (PGlite's), measured on Linux. */
  mainCpuMs?: number | null;
  otherCpuMs?: number | null;
  note?: string;
}

/** What the bench server's /stats answers (and resets: the statement count). */
interface Stats {
  statements: number;
  rss: number;
  cpu: ThreadCpu;
}

interface Plan {
  measure: string;
  db: string;
  seqScans: string[];
  indexes: string[];
}

function startServer(databaseUrl: string | undefined): Promise<{ child: ChildProcess; info: BenchServerInfo }> {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_DATABASE_URL: databaseUrl ?? '' };
  delete env.DATABASE_URL;
  // PGlite's WASM compiled by Liftoff only, as `npm start` runs the server (package.json).
  const child = spawn(process.execPath, ['--liftoff-only', '--import', 'tsx', 'bench/bench.server.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) as BenchServerInfo }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function control<T>(info: BenchServerInfo, pathAndQuery: string, body?: unknown): Promise<T> {
  const res = await fetch(
    `http://127.0.0.1:${info.controlPort}${pathAndQuery}`,
    body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) },
  );
  if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function headersOf(session: Session): Record<string, string> {
  return { cookie: session.cookie, 'x-portico-context': session.context, origin: PUBLIC_URL };
}

interface RouteCase {
  measure: string;
  session: Session;
  /** For writes: how to get one target per request. */
  prepare?: () => Promise<() => Target>;
  path?: string;
  writes?: boolean;
  explain?: boolean;
}

function routeCases(info: BenchServerInfo): RouteCase[] {
  const cases: RouteCase[] = [{ measure: 'GET /api/me', session: info.companies.small.owner, path: '/api/me' }];
  const lists: Array<[string, 'owner' | 'contractor', string]> = [
    ['GET /api/contracts (staff)', 'owner', '/api/contracts'],
    ['GET /api/contracts (contractor)', 'contractor', '/api/contracts'],
    ['GET /api/milestones?view=pending (staff)', 'owner', '/api/milestones?view=pending'],
    ["GET /api/milestones?view=pending (contractor: what's left)", 'contractor', '/api/milestones?view=pending'],
    ['GET /api/engagements', 'owner', '/api/engagements'],
    ['GET /api/invitations', 'owner', '/api/invitations'],
    ['GET /api/staff', 'owner', '/api/staff'],
    ['GET /api/notifications', 'owner', '/api/notifications'],
    ['GET /api/audit-events', 'owner', '/api/audit-events'],
  ];
  for (const size of ['small', 'large'] as const) {
    const label = size === 'small' ? 'small: 5 contracts, 50 milestones' : 'large: 2,000 contracts, 5,000 milestones';
    for (const [measure, who, path] of lists)
      cases.push({ measure: `${measure} [${label}]`, session: info.companies[size][who], path, explain: size === 'large' });
  }
  // Issue 8's "≤ 1.5×" from the small company to the large one: the small company's pages hold
  // its 5 contracts and its contractor's 30 pending milestones, the large one's full pages of 50.
  // With the large company asked for pages of the same size, only the table's size differs.
  cases.push(
    {
      measure: 'GET /api/contracts?limit=5 (staff) [large: 2,000 contracts, pages of 5 like the small one]',
      session: info.companies.large.owner,
      path: '/api/contracts?limit=5',
    },
    {
      measure:
        "GET /api/milestones?view=pending&limit=30 (contractor: what's left) [large: 5,000 milestones, pages of 30 like the small one]",
      session: info.companies.large.contractor,
      path: '/api/milestones?view=pending&limit=30',
    },
  );
  const targets = (status: 'open' | 'submitted') => async () => {
    const ids = await control<string[]>(info, `/prepare?company=small&status=${status}&count=${maxWrites}`);
    let i = 0;
    return () => {
      const id = ids[i++];
      if (!id) throw new Error('ran out of prepared milestones');
      return status === 'submitted'
        ? { method: 'POST' as const, path: `/api/milestones/${id}/approve`, body: '{}' }
        : {
            method: 'POST' as const,
            path: `/api/milestones/${id}/submit`,
            body: JSON.stringify({ note: 'Delivered.', links: ['https://example.test/work'] }),
          };
    };
  };
  cases.push({
    measure: 'POST /api/milestones/:id/approve',
    session: info.companies.small.owner,
    prepare: targets('submitted'),
    writes: true,
  });
  cases.push({
    measure: 'POST /api/milestones/:id/submit',
    session: info.companies.small.contractor,
    prepare: targets('open'),
    writes: true,
  });
  return cases;
}

const bigTables = ['contracts', 'milestones', 'engagements', 'invitations', 'staff_members', 'notifications', 'audit_events'];

function summarizePlans(measure: string, db: string, plans: Array<{ sql: string; plan: string[] }>): Plan {
  const lines = plans.flatMap((p) => p.plan);
  const seqScans = lines.filter((l) => bigTables.some((t) => new RegExp(`Seq Scan on ${t}\\b`).test(l))).map((l) => l.trim());
  const indexes = [...new Set(lines.flatMap((l) => [...l.matchAll(/using (\w+)/gi)].map((m) => m[1]!)))];
  return { measure, db, seqScans, indexes };
}

async function benchRoutes(databaseUrl: string | undefined, rows: Row[], plans: Plan[]): Promise<void> {
  const { child, info } = await startServer(databaseUrl);
  try {
    // Every read at both connection counts first, then the writes: approve and submit add
    // hundreds of milestones (and notifications) to the small company, which is then no longer small.
    // The baseline's throughput last measured, per connection count. It is measured again after
    // every route, and a route's ratio is over the mean of the baselines just before and after it:
    // this machine's speed drifts with its other load during a run of several minutes.
    const baselines = new Map<number, number>();
    const measureBaseline = (connections: number) =>
      runLoad({ port: info.basePort, connections, seconds, maxRequests, warmup: 20, next: () => ({ path: '/' }) });
    /** A load with the server's statements and CPU per request over it (warm-up requests included in both). */
    const loadWithStats = async (load: () => Promise<LoadResult>, warmup: number) => {
      const before = await control<Stats>(info, '/stats');
      const result = await load();
      const after = await control<Stats>(info, '/stats');
      const requests = result.requests + warmup;
      return { result, statementsPerRequest: after.statements / requests, cpu: cpuPerRequest(before.cpu, after.cpu, requests) };
    };
    const measured: Array<{ connections: number; order: number; row: Row }> = [];
    const cases = routeCases(info);
    for (const writes of [false, true]) {
      for (const connections of [1, 10]) {
        if (!baselines.has(connections)) {
          const { result: baseline, cpu } = await loadWithStats(() => measureBaseline(connections), 20);
          baselines.set(connections, baseline.rps);
          measured.push({
            connections,
            order: -1,
            row: {
              measure: 'baseline: node:http + one indexed SELECT',
              db: info.db,
              connections,
              ...pick(baseline),
              ratio: 1,
              statementsPerRequest: 1,
              mainCpuMs: cpu.main,
              otherCpuMs: cpu.other,
            },
          });
        }
        for (const [order, c] of cases.entries()) {
          if (Boolean(c.writes) !== writes) continue;
          const next = c.prepare ? await c.prepare() : () => ({ path: c.path! });
          const warmup = c.writes ? 5 : 20;
          const { result, statementsPerRequest, cpu } = await loadWithStats(
            () =>
              runLoad({
                port: info.appPort,
                connections,
                seconds,
                maxRequests: c.writes ? maxWrites - warmup : maxRequests,
                warmup,
                headers: headersOf(c.session),
                next,
              }),
            warmup,
          );
          const after = (await measureBaseline(connections)).rps;
          const beside = (baselines.get(connections)! + after) / 2;
          baselines.set(connections, after);
          measured.push({
            connections,
            order,
            row: {
              measure: c.measure,
              db: info.db,
              connections,
              ...pick(result),
              ratio: result.rps / beside,
              statementsPerRequest,
              mainCpuMs: cpu.main,
              otherCpuMs: cpu.other,
              note: `baseline beside it ${beside.toFixed(0)} req/s`,
            },
          });
          process.stderr.write('.');
        }
      }
    }
    // The table keeps its order: per connection count, the baseline, then the cases as listed.
    measured.sort((a, b) => a.connections - b.connections || a.order - b.order);
    rows.push(...measured.map((m) => m.row));
    const health = await benchHealth({
      port: info.appPort,
      path: '/api/contracts',
      headers: headersOf(info.companies.large.owner),
      connections: HEALTH_LOAD_CONNECTIONS,
      seconds: 4,
    });
    rows.push(...healthRows(info.db, health));
    for (const c of routeCases(info).filter((x) => x.explain)) {
      const explained = await control<Array<{ sql: string; plan: string[] }>>(info, '/explain', {
        path: c.path,
        cookie: c.session.cookie,
        context: c.session.context,
      });
      plans.push(summarizePlans(c.measure, info.db, explained));
    }
    const { rss } = await control<{ rss: number }>(info, '/stats');
    rows.push({
      measure: 'RSS of the route-bench process after the runs (MB)',
      db: info.db,
      connections: null,
      rps: null,
      p50: rss / 1024 / 1024,
      p99: null,
      ratio: null,
      statementsPerRequest: null,
    });
  } finally {
    await control(info, '/stop').catch(() => undefined);
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
  }
}

/** The connections loading a list while /health is timed (issue 8: 50). */
const HEALTH_LOAD_CONNECTIONS = 50;

/** /health idle (the baseline beside it), then under the list's load: ratio = p99 loaded over p99 idle. */
function healthRows(db: 'pglite' | 'postgres', h: HealthUnderLoad): Row[] {
  const base = { db, rps: null, statementsPerRequest: null };
  return [
    {
      ...base,
      measure: 'GET /health, server idle (baseline of the next row)',
      connections: 1,
      p50: h.idle.p50,
      p99: h.idle.p99,
      ratio: 1,
      note: `${h.idle.requests} requests, one at a time from a thread of their own; max ${h.idle.max.toFixed(1)} ms`,
    },
    {
      ...base,
      measure: `GET /health while ${HEALTH_LOAD_CONNECTIONS} connections load GET /api/contracts (staff) [large: 2,000 contracts]`,
      connections: HEALTH_LOAD_CONNECTIONS,
      p50: h.loaded.p50,
      p99: h.loaded.p99,
      ratio: h.loaded.p99 / h.idle.p99,
      note: `goal: p99 ≤ 50 ms; ${h.loaded.requests} requests, max ${h.loaded.max.toFixed(1)} ms; the list meanwhile ${h.load.rps.toFixed(0)} req/s, p99 ${h.load.p99.toFixed(0)} ms`,
    },
  ];
}

function pick(r: { rps: number; p50: number; p99: number }) {
  return { rps: r.rps, p50: r.p50, p99: r.p99 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function benchStarts(databaseUrl: string | undefined, db: 'pglite' | 'postgres', rows: Row[]): Promise<void> {
  const s = await benchStart(databaseUrl);
  const bare = median(s.bareStartMs);
  const base = { db, connections: null, rps: null, p99: null, statementsPerRequest: null };
  rows.push({
    ...base,
    measure: 'server build, once per change of src/server (ms)',
    p50: s.serverBuildMs,
    ratio: null,
    note: '`npm start` runs it when dist/server is older than its sources',
  });
  if (s.templateBuildMs !== null)
    rows.push({
      ...base,
      measure: 'embedded database template build, once per migration change (ms)',
      p50: s.templateBuildMs,
      ratio: null,
      note: '`npm run build` (and `npm start` when missing): initdb and migrations, copied by a first start',
    });
  rows.push({
    ...base,
    measure: `first start with demo data, to /ready (ms, median of ${s.firstStartMs.length})`,
    p50: median(s.firstStartMs),
    ratio: median(s.firstStartMs) / bare,
    note: `bare server ${bare.toFixed(0)} ms; each start ${s.firstStartMs.map((ms) => ms.toFixed(0)).join(', ')} ms`,
  });
  rows.push({
    ...base,
    measure: `restart with existing data, to /ready (ms, median of ${s.restartMs.length})`,
    p50: median(s.restartMs),
    ratio: median(s.restartMs) / bare,
    note: `bare server ${bare.toFixed(0)} ms`,
  });
  rows.push({
    ...base,
    measure: 'RSS after warm-up, restarted on existing data (MB)',
    p50: s.rssMb,
    ratio: s.rssMb / s.bareRssMb,
    note: `bare server ${s.bareRssMb.toFixed(0)} MB`,
  });
  rows.push({
    ...base,
    measure: 'RSS after warm-up, the first start that loaded the demo data (MB)',
    p50: s.firstStartRssMb,
    ratio: s.firstStartRssMb / s.bareRssMb,
    note: `bare server ${s.bareRssMb.toFixed(0)} MB; what a new user's first \`npm start\` keeps running`,
  });
}

function fmt(value: number | null, digits = 1): string {
  return value === null || Number.isNaN(value) ? '' : value.toFixed(digits);
}

function printTable(rows: Row[]): void {
  const header = ['measure', 'db', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'stmts/req', 'main CPU ms/req', 'db CPU ms/req', 'note'];
  const lines = rows.map((r) => [
    r.measure,
    r.db,
    r.connections === null ? '' : String(r.connections),
    fmt(r.rps, 0),
    fmt(r.p50, r.p50 !== null && r.p50 >= 100 ? 0 : 2),
    fmt(r.p99, 2),
    r.ratio === null ? '' : r.rps !== null ? `${(r.ratio * 100).toFixed(0)}%` : `${r.ratio.toFixed(2)}x`,
    fmt(r.statementsPerRequest, 1),
    fmt(r.mainCpuMs ?? null, 2),
    r.db === 'pglite' ? fmt(r.otherCpuMs ?? null, 2) : '',
    r.note ?? '',
  ]);
  console.log(`\n| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => ' --- ').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const rows: Row[] = [];
  const plans: Plan[] = [];
  const databases: Array<['pglite' | 'postgres', string | undefined]> = [['pglite', undefined]];
  if (process.env.DATABASE_URL) databases.push(['postgres', process.env.DATABASE_URL]);
  for (const [db, url] of databases) {
    process.stderr.write(`routes on ${db} `);
    await benchRoutes(url, rows, plans);
    process.stderr.write(`\nstart-up on ${db}\n`);
    await benchStarts(url, db, rows).catch((error: Error) => {
      // A start that fails (e.g. a plugin timeout on an overloaded machine) is a row, not the end of the run.
      const base = { db, connections: null, rps: null, p50: null, p99: null, ratio: null, statementsPerRequest: null };
      rows.push({ ...base, measure: 'start-up', note: `failed: ${error.message.split('\n')[0]!.slice(0, 200)}` });
    });
  }
  // The desk view at 100,000 jobs (issue 12): its own seed, GET /api/me measured again beside it.
  const deskRows: DeskRow[] = [];
  for (const [, url] of databases) deskRows.push(...(await benchDesk(url)));
  // Live updates (issue 11): a status change to 200 SSE clients, per database.
  const liveRows: LiveRow[] = [];
  for (const [db, url] of databases) {
    process.stderr.write(`live updates on ${db}\n`);
    liveRows.push(await benchLive(url));
  }
  // A thread with 10,000 messages (issue 11), GET /api/me measured again beside it.
  const messageRows: MessageRow[] = [];
  for (const [db, url] of databases) {
    process.stderr.write(`message thread on ${db}\n`);
    messageRows.push(...(await benchMessages(url)));
  }
  process.stderr.write('money (issue 9) on pglite\n');
  rows.push(...(await benchMoney()));
  printTable(rows);
  printDeskRows(deskRows);
  writeDeskResults(deskRows);
  printLiveRows(liveRows);
  writeLiveResults(liveRows);
  printMessageRows(messageRows);
  writeMessageResults(messageRows);
  console.log('\nEXPLAIN of each large list (indexes used; any Seq Scan on a big table):');
  for (const p of plans)
    console.log(
      `- ${p.db} ${p.measure}: ${p.seqScans.length ? `SEQ SCAN ${p.seqScans.join('; ')}` : 'no Seq Scan on a big table'}; indexes: ${p.indexes.join(', ')}`,
    );
  const file = path.join(root, 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), seconds, rows, plans }, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(root, file)} in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
