/**
 * The money figures of issue 9 (run by bench/run.ts, or alone: `tsx bench/bench.money.ts`), in a
 * process of its own on PGlite, each beside a baseline measured in the same run:
 * - the contractor's Home (money included) with 5,000 payments, against GET /api/me;
 * - the CSV export of 100,000 payments (rows per second, peak RSS growth while streaming),
 *   against one SELECT of the same rows read whole by the driver;
 * - a batch send of 500 drafts in one request, against one UPDATE of 500 rows.
 * Prints one JSON line: the rows for bench/run.ts's table.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { refreshStatistics } from '../src/server/db/maintenance.ts';
import {
  contractorMembers,
  contractors,
  engagements,
  organizations,
  payments,
  staffMembers,
  users,
} from '../src/server/db/schema/index.ts';
import { createId } from '../src/server/lib/ids.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';
import { createSessionCookies } from '../src/server/modules/auth/auth.better.ts';
import { runLoad } from './bench.load.ts';
import { PUBLIC_URL } from './bench.shared.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 1.5);
const statuses = ['draft', 'sent', 'received', 'disputed', 'cancelled'] as const;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, chunk = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) await insert(rows.slice(i, i + chunk));
}

function paymentRows(
  parties: { organizationId: string; contractorId: string; engagementId: string },
  count: number,
  status: (i: number) => (typeof statuses)[number],
) {
  const start = Date.now() - 400 * 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const s = status(i);
    const sent = s === 'sent' || s === 'received' || s === 'disputed';
    const on = new Date(start + i * 300_000).toISOString().slice(0, 10);
    return {
      id: createId(),
      ...parties,
      source: 'manual' as const,
      description: `Bench payment ${i}`,
      amountMinor: 1000 + (i % 500),
      currency: i % 3 === 0 ? 'USD' : 'EUR',
      status: s,
      method: sent ? ('wise' as const) : null,
      reference: sent ? `B-${i}` : null,
      sentOn: sent ? on : null,
      expectedOn: sent ? on : null,
      sentAt: sent ? new Date(on) : null,
      createdAt: new Date(start + i * 300_000),
    };
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-money-'));
  const config = readConfig(
    { NODE_ENV: 'production', PUBLIC_URL, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: '' },
    { loadDotEnv: false },
  );
  const database = await openDatabase({});
  await database.migrate();
  const db = database.db;
  const orgId = createId();
  const home = { contractorId: createId(), engagementId: createId() };
  const bulk = { contractorId: createId(), engagementId: createId() };
  await db.insert(organizations).values({ id: orgId, name: 'Bench money' });
  await db.insert(contractors).values([
    { id: home.contractorId, name: 'Home contractor' },
    { id: bulk.contractorId, name: 'Export contractor' },
  ]);
  await db.insert(engagements).values([
    { id: home.engagementId, organizationId: orgId, contractorId: home.contractorId, status: 'active' },
    { id: bulk.engagementId, organizationId: orgId, contractorId: bulk.contractorId, status: 'active' },
  ]);
  const finance = { id: createId(), name: 'Finance', email: `finance.${orgId}@bench.local`, emailVerified: true };
  const member = { id: createId(), name: 'Contractor', email: `member.${orgId}@bench.local`, emailVerified: true };
  await db.insert(users).values([finance, member]);
  await db.insert(staffMembers).values({ id: createId(), organizationId: orgId, userId: finance.id, role: 'finance' });
  await db.insert(contractorMembers).values({ id: createId(), contractorId: home.contractorId, userId: member.id, role: 'admin' });
  const homeParties = { organizationId: orgId, ...home };
  await insertAll(
    paymentRows(homeParties, 5000, (i) => statuses[i % statuses.length]!),
    (c) => db.insert(payments).values(c),
  );
  const bulkParties = { organizationId: orgId, ...bulk };
  await insertAll(
    paymentRows(bulkParties, 100_000, (i) => (i % 2 === 0 ? 'received' : 'sent')),
    (c) => db.insert(payments).values(c),
  );
  const drafts = paymentRows(bulkParties, 500, () => 'draft');
  await insertAll(drafts, (c) => db.insert(payments).values(c));
  await refreshStatistics(database);

  const { app, auth } = await buildApp({ config, database, storage: createDiskStorage(path.join(dataDir, 'files')), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const headersFor = async (email: string, context: string) => {
    const cookies = await createSessionCookies(auth, email, new Headers({ origin: PUBLIC_URL }));
    return { cookie: cookies.map((c) => c.split(';')[0]).join('; '), 'x-portico-context': context, origin: PUBLIC_URL };
  };
  const contractor = await headersFor(member.email, `contractor:${home.contractorId}`);
  const staff = await headersFor(finance.email, `staff:${orgId}`);
  const rows: Array<Record<string, unknown>> = [];
  const row = (measure: string, values: Record<string, number | string | null>) =>
    rows.push({
      measure,
      db: 'pglite',
      connections: null,
      rps: null,
      p50: null,
      p99: null,
      ratio: null,
      statementsPerRequest: null,
      ...values,
    });

  // 1. The contractor's Home with 5,000 payments beside GET /api/me.
  for (const connections of [1, 10]) {
    const me = await runLoad({
      port,
      connections,
      seconds,
      maxRequests: 3000,
      warmup: 20,
      headers: contractor,
      next: () => ({ path: '/api/me' }),
    });
    const homeRun = await runLoad({
      port,
      connections,
      seconds,
      maxRequests: 3000,
      warmup: 20,
      headers: contractor,
      next: () => ({ path: '/api/home' }),
    });
    row('money: GET /api/me (baseline of the Home)', { connections, rps: me.rps, p50: me.p50, p99: me.p99, ratio: 1 });
    row('money: GET /api/home (contractor, 5,000 payments)', {
      connections,
      rps: homeRun.rps,
      p50: homeRun.p50,
      p99: homeRun.p99,
      ratio: homeRun.rps / me.rps,
    });
  }

  // 2. The CSV export of 100,000 payments, streamed over HTTP; RSS sampled while it runs.
  const selectStarted = performance.now();
  const whole = await database.raw.executeSql(
    'select * from payments where contractor_id = $1 and sent_on is not null order by sent_on, id',
    [bulk.contractorId],
  );
  const selectSeconds = (performance.now() - selectStarted) / 1000;
  const baselineRows = (whole.rows as unknown[]).length;
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 20);
  const exportStarted = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/money/payments.csv?contractorId=${bulk.contractorId}`, { headers: staff });
  let lines = 0;
  const decoder = new TextDecoder();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    const text = decoder.decode(chunk, { stream: true });
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  }
  const exportSeconds = (performance.now() - exportStarted) / 1000;
  clearInterval(sampler);
  const exported = lines - 1;
  row('money: SELECT of 100,000 sent payments read whole (baseline of the export)', {
    rps: baselineRows / selectSeconds,
    p50: selectSeconds * 1000,
    ratio: 1,
    note: `${baselineRows} rows; rows/s in req/s, ms in p50`,
  });
  row('money: GET /api/money/payments.csv, 100,000 payments streamed', {
    rps: exported / exportSeconds,
    p50: exportSeconds * 1000,
    ratio: exported / exportSeconds / (baselineRows / selectSeconds),
    note: `${exported} rows, HTTP ${response.status}; peak RSS growth ${((rssPeak - rssBefore) / 1024 / 1024).toFixed(1)} MB (from ${(rssBefore / 1024 / 1024).toFixed(0)} MB); rows/s in req/s, ms in p50`,
  });

  // 3. A batch send of 500 drafts in one request, beside one UPDATE of 500 rows.
  const today = new Date().toISOString().slice(0, 10);
  const batchStarted = performance.now();
  const batch = await fetch(`http://127.0.0.1:${port}/api/payments/batches`, {
    method: 'POST',
    headers: { ...staff, 'content-type': 'application/json', 'idempotency-key': createId() },
    body: JSON.stringify({
      method: 'bank_transfer',
      sentOn: today,
      items: drafts.map((d, i) => ({ paymentId: d.id, amountMinor: d.amountMinor, reference: `BATCH-${i}` })),
    }),
  });
  const batchMs = performance.now() - batchStarted;
  const batchBody = await batch.text();
  const updateStarted = performance.now();
  await database.raw.executeSql("update payments set reference = reference || '' where id = any($1::text[])", [drafts.map((d) => d.id)]);
  const updateMs = performance.now() - updateStarted;
  row('money: one UPDATE of 500 payments (baseline of the batch)', { p50: updateMs, ratio: 1, note: 'ms in p50' });
  row('money: POST /api/payments/batches, 500 drafts sent', {
    p50: batchMs,
    ratio: batchMs / updateMs,
    note: `HTTP ${batch.status}${batch.ok ? '' : `: ${batchBody.slice(0, 160)}`}; ms in p50, ratio = time over the baseline's`,
  });

  await app.close();
  await database.close();
  process.stdout.write(`${JSON.stringify(rows)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
