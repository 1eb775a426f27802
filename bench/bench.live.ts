/**
 * Live updates (issue 11): the time from posting a change to its arrival at 200 connected SSE
 * clients. Portico's app on PGlite (in memory) and, when DATABASE_URL is set, on a fresh database
 * of that PostgreSQL: 20 people (10 staff of the organization, 10 members of the contractor),
 * 10 open streams each (tabs) = 200 streams over real HTTP on 127.0.0.1, plus 20 streams of
 * another contractor that must hear nothing. Each round, the owner ends or reactivates the
 * engagement through the API (the real path: applyTransition → live_events + NOTIFY at commit
 * → the process's listener → fan-out); the delay is measured from just before the request to the
 * event's arrival at each stream (client and server share this process and its event loop).
 *
 * `npx tsx bench/bench.live.ts` alone; `npm run bench` runs it too. Results: bench/live-results.json.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { contractorMembers, contractors, engagements, organizations, staffMembers, users } from '../src/server/db/schema/index.ts';
import { createId } from '../src/server/lib/ids.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';
import { createSessionCookies } from '../src/server/modules/auth/auth.better.ts';
import { openSse, type SseStream } from '../src/server/test/sse.client.ts';
import { createPostgresDatabase } from '../src/server/test/own-database.ts';

const PUBLIC_URL = 'http://bench.local';
const PEOPLE = 20;
const TABS = 10;
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 30);

export interface LiveRow {
  measure: string;
  db: 'pglite' | 'postgres';
  clients: number;
  rounds: number;
  p50: number;
  p99: number;
  /** The slowest stream of a round (the whole fan-out), median over the rounds. */
  lastP50: number;
  /** The request that made the change (commit included), median. */
  postP50: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function until(check: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !check(); ) {
    if (Date.now() > deadline) throw new Error(`live bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export async function benchLive(databaseUrl: string | undefined): Promise<LiveRow> {
  const postgres = databaseUrl ? await createPostgresDatabase(databaseUrl, 'live') : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-live-'));
  const config = readConfig(
    { NODE_ENV: 'production', PUBLIC_URL, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? '' },
    { loadDotEnv: false },
  );
  const database = await openDatabase({ databaseUrl: postgres?.url });
  const streams: SseStream[] = [];
  try {
    await database.migrate();
    const db = database.db;
    const [orgA, contractorX, contractorY, engagementId] = [createId(), createId(), createId(), createId()];
    await db.insert(organizations).values({ id: orgA, name: 'Bench Live A' });
    await db.insert(contractors).values([
      { id: contractorX, name: 'Bench Live X' },
      { id: contractorY, name: 'Bench Live Y' },
    ]);
    await db.insert(engagements).values({ id: engagementId, organizationId: orgA, contractorId: contractorX, status: 'active' });
    const people = Array.from({ length: PEOPLE + 2 }, (_, i) => ({ id: createId(), email: `live.${i}.${createId()}@bench.local` }));
    await db.insert(users).values(people.map((p, i) => ({ id: p.id, email: p.email, name: `Live ${i}`, emailVerified: true })));
    const staff = people.slice(0, PEOPLE / 2);
    const members = people.slice(PEOPLE / 2, PEOPLE);
    const strangers = people.slice(PEOPLE);
    await db
      .insert(staffMembers)
      .values(staff.map((p, i) => ({ id: createId(), organizationId: orgA, userId: p.id, role: i === 0 ? 'owner' : 'viewer' })) as never);
    await db
      .insert(contractorMembers)
      .values([
        ...members.map((p) => ({ id: createId(), contractorId: contractorX, userId: p.id, role: 'office' as const })),
        ...strangers.map((p) => ({ id: createId(), contractorId: contractorY, userId: p.id, role: 'admin' as const })),
      ]);

    const { app, auth } = await buildApp({ config, database, storage: createDiskStorage(path.join(dataDir, 'files')), logger: false });
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const cookieOf = async (email: string) =>
      (await createSessionCookies(auth, email, new Headers({ origin: PUBLIC_URL }))).map((c) => c.split(';')[0]).join('; ');
    const cookies = new Map<string, string>();
    for (const p of people) cookies.set(p.id, await cookieOf(p.email));
    const listening = [...staff, ...members].flatMap((p) => Array.from({ length: TABS }, () => p));
    const watched = await Promise.all(listening.map((p) => openSse(`${base}/api/events`, { cookie: cookies.get(p.id) })));
    const outsiders = await Promise.all(
      strangers.flatMap((p) => Array.from({ length: TABS }, () => openSse(`${base}/api/events`, { cookie: cookies.get(p.id) }))),
    );
    streams.push(...watched, ...outsiders);
    if ([...watched, ...outsiders].some((s) => s.status !== 200)) throw new Error('live bench: a stream was refused');
    await until(() => [...watched, ...outsiders].every((s) => s.comments.includes('ready')), 'every stream to be ready');

    const owner = cookies.get(staff[0]!.id)!;
    const samples: number[] = [];
    const lasts: number[] = [];
    const posts: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const event = round % 2 === 0 ? 'end' : 'reactivate';
      const seen = watched.map((s) => s.events.length);
      const t0 = performance.now();
      const res = await fetch(`${base}/api/engagements/${engagementId}/${event}`, {
        method: 'POST',
        headers: { cookie: owner, origin: PUBLIC_URL, 'content-type': 'application/json' },
        body: '{}',
      });
      posts.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`live bench: ${event} answered ${res.status}: ${await res.text()}`);
      const arrivalOf = (s: SseStream, from: number) =>
        s.events.slice(from).find((e) => e.event === 'message' && e.data.includes(engagementId) && e.data.includes('status.changed'))?.at;
      await until(() => watched.every((s, i) => arrivalOf(s, seen[i]!) !== undefined), `round ${round} at every stream`);
      const arrivals = watched.map((s, i) => arrivalOf(s, seen[i]!)! - t0);
      samples.push(...arrivals);
      lasts.push(Math.max(...arrivals));
    }
    const leaked = outsiders.filter((s) => s.events.length > 0).length;
    if (leaked > 0) throw new Error(`live bench: ${leaked} streams of another contractor received events`);
    for (const s of streams) s.close();
    await app.close();
    return {
      measure: `status change → ${watched.length} SSE clients (ms)`,
      db: database.kind,
      clients: watched.length,
      rounds: ROUNDS,
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      lastP50: percentile(lasts, 50),
      postP50: percentile(posts, 50),
    };
  } finally {
    for (const s of streams) s.close();
    await database.close();
    await postgres?.drop();
  }
}

export function printLiveRows(rows: LiveRow[]): void {
  console.log('\nLive updates (issue 11): from posting a change to its arrival at each SSE client');
  console.log('| measure | db | clients | rounds | p50 ms | p99 ms | slowest client p50 ms | request p50 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(
      `| ${r.measure} | ${r.db} | ${r.clients} | ${r.rounds} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.lastP50.toFixed(1)} | ${r.postP50.toFixed(1)} |`,
    );
}

export function writeLiveResults(rows: LiveRow[]): void {
  const file = path.join(import.meta.dirname, 'live-results.json');
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), rows }, null, 2)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows: LiveRow[] = [await benchLive(undefined)];
  if (process.env.DATABASE_URL) rows.push(await benchLive(process.env.DATABASE_URL));
  printLiveRows(rows);
  writeLiveResults(rows);
  process.exit(0);
}
