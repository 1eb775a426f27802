/**
 * A thread with 10,000 messages (issue 11), on PGlite (in memory) or a fresh database on the
 * PostgreSQL of DATABASE_URL: in the same run, GET /api/me beside the thread page's first page, a page deep
 * in the history (keyset cursor), a search in the thread, the thread list with its unread counts
 * and the navigation's unread total. p50, p95 per request. Only 127.0.0.1.
 *
 * Part of `npm run bench`; alone: `npx tsx bench/bench.messages.ts` (BENCH_MESSAGES for another
 * size). Results: bench/messages-results.json.
 */
import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { refreshStatistics } from '../src/server/db/maintenance.ts';
import { contractors, engagements, messageThreads, organizations, staffMembers, users } from '../src/server/db/schema/index.ts';
import { createId } from '../src/server/lib/ids.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';
import { createSessionCookies } from '../src/server/modules/auth/auth.better.ts';
import { createPostgresDatabase } from '../src/server/test/own-database.ts';

const PUBLIC_URL = 'http://bench.local';
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 10_000);
const REQUESTS = Number(process.env.BENCH_MESSAGES_REQUESTS ?? 40);

export interface MessageRow {
  measure: string;
  db: string;
  runs: number;
  p50: number;
  p95: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function get(port: number, agent: http.Agent, headers: Record<string, string>, url: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, agent, method: 'GET', path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function benchMessages(databaseUrl: string | undefined): Promise<MessageRow[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-messages-'));
  // On PostgreSQL, a database of its own, dropped after.
  const postgres = databaseUrl ? await createPostgresDatabase(databaseUrl, 'messages') : undefined;
  const config = readConfig(
    { NODE_ENV: 'production', PUBLIC_URL, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? '' },
    { loadDotEnv: false },
  );
  const database = await openDatabase({ databaseUrl: postgres?.url });
  const rows: MessageRow[] = [];
  try {
    await database.migrate();
    const db = database.db;
    const [orgId, contractorId, engagementId, staffId, memberId] = Array.from({ length: 5 }, createId) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const email = `messages.${staffId}@bench.local`;
    await db.insert(users).values([
      { id: staffId, email, name: 'Bench Staff', emailVerified: true },
      { id: memberId, email: `member.${memberId}@bench.local`, name: 'Bench Member', emailVerified: true },
    ]);
    await db.insert(organizations).values({ id: orgId, name: 'Bench Org' });
    await db.insert(contractors).values({ id: contractorId, name: 'Bench Contractor' });
    await db.insert(engagements).values({ id: engagementId, organizationId: orgId, contractorId, status: 'active' });
    await db.insert(staffMembers).values({ id: createId(), organizationId: orgId, userId: staffId, role: 'owner' });
    await db.insert(messageThreads).values({ id: engagementId, organizationId: orgId, contractorId, lastMessageAt: new Date() });
    await database.raw.executeSql(
      `insert into messages (id, thread_id, organization_id, contractor_id, author_user_id, side, body, created_at)
       select gen_random_uuid()::text, $1, $2, $3, case when g % 2 = 0 then $4 else $5 end,
              case when g % 2 = 0 then 'company' else 'contractor' end,
              'Message number ' || g || ': about the invoice, the site visit and https://example.com/doc/' || g,
              now() - (($6 - g) || ' seconds')::interval
         from generate_series(1, $6) as g`,
      [engagementId, orgId, contractorId, staffId, memberId, MESSAGES],
    );
    await refreshStatistics(database);
    const { app, auth } = await buildApp({ config, database, storage: createDiskStorage(path.join(dataDir, 'files')), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const cookies = await createSessionCookies(auth, email, new Headers({ origin: PUBLIC_URL }));
    const headers = { cookie: cookies.map((c) => c.split(';')[0]).join('; '), 'x-portico-context': `staff:${orgId}`, origin: PUBLIC_URL };
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const thread = `/api/threads/${engagementId}`;
    // A cursor deep in the history: follow pages of 200 to the middle once.
    let deep = `${thread}/messages?limit=50`;
    let cursor: string | null = null;
    for (let i = 0; i < Math.floor(MESSAGES / 400); i++) {
      const page = await get(port, agent, headers, `${thread}/messages?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      cursor = JSON.parse(page.body).nextCursor;
    }
    if (cursor) deep = `${thread}/messages?limit=50&cursor=${encodeURIComponent(cursor)}`;
    const measure = async (label: string, url: string) => {
      const warm = await get(port, agent, headers, url);
      if (warm.status !== 200) throw new Error(`${label}: ${warm.status} ${warm.body.slice(0, 200)}`);
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const t0 = performance.now();
        await get(port, agent, headers, url);
        times.push(performance.now() - t0);
      }
      rows.push({
        measure: label,
        db: database.kind,
        runs: REQUESTS,
        p50: +percentile(times, 50).toFixed(1),
        p95: +percentile(times, 95).toFixed(1),
      });
    };
    await measure('GET /api/me', '/api/me');
    await measure(`GET thread messages, first page of 50 (${MESSAGES} messages)`, `${thread}/messages?limit=50`);
    await measure('GET thread messages, a page in the middle (cursor)', deep);
    await measure('GET thread messages, search q=number 5000', `${thread}/messages?limit=50&q=${encodeURIComponent('number 5000:')}`);
    await measure('GET /api/threads (unread counts over the thread)', '/api/threads');
    await measure('GET /api/threads/unread', '/api/threads/unread');
    await app.close();
    return rows;
  } finally {
    await database.close();
    await postgres?.drop();
  }
}

export function printMessageRows(rows: MessageRow[]): void {
  console.log(`\n| thread with ${MESSAGES.toLocaleString('en')} messages | db | runs | p50 ms | p95 ms |\n| --- | --- | --- | --- | --- |`);
  for (const r of rows) console.log(`| ${r.measure} | ${r.db} | ${r.runs} | ${r.p50} | ${r.p95} |`);
}

export function writeMessageResults(rows: MessageRow[]): void {
  writeFileSync(path.join(import.meta.dirname, 'messages-results.json'), `${JSON.stringify(rows, null, 2)}\n`);
}

if (process.argv[1]?.endsWith('bench.messages.ts')) {
  const rows = await benchMessages(process.env.DATABASE_URL || undefined);
  writeMessageResults(rows);
  printMessageRows(rows);
  process.exit(0);
}
