/**
 * The process the route benchmarks load (run by bench/run.ts, never by hand): Portico's app on
 * one database (PGlite in memory, or a fresh database on the PostgreSQL of BENCH_DATABASE_URL),
 * seeded with a small and a large company, and beside it on the same database the baseline: a
 * bare `node:http` server answering each request with one indexed SELECT. A third, control
 * server reports the statements the app ran (to divide by requests), RSS, EXPLAIN plans, and
 * prepares milestones for the write benchmarks. It prints one JSON line when ready.
 */
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { readConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { refreshStatistics } from '../src/server/db/maintenance.ts';
import { createDiskStorage } from '../src/server/lib/storage.ts';
import { createSessionCookies } from '../src/server/modules/auth/auth.better.ts';
import { attachSqlCounter } from '../src/server/test/sql-counter.ts';
import { type Company, seedCompany, seedWriteTargets, sizes } from './bench.seed.ts';
import { type BenchServerInfo, PUBLIC_URL, type Session, type ThreadCpu } from './bench.shared.ts';
import { createPostgresDatabase } from '../src/server/test/own-database.ts';

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The CPU time of each of this process's threads (Linux: /proc/self/task/<tid>/stat, in clock ticks of 10 ms). */
function readThreadCpu(): ThreadCpu {
  const cpu: ThreadCpu = { main: 0, others: {} };
  for (const tid of readdirSync('/proc/self/task')) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch {
      continue; // a thread that ended meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * 10;
    if (Number(tid) === process.pid) cpu.main = ms;
    else cpu.others[tid] = ms;
  }
  return cpu;
}

async function main(): Promise<void> {
  const postgres = process.env.BENCH_DATABASE_URL ? await createPostgresDatabase(process.env.BENCH_DATABASE_URL, 'routes') : undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-'));
  const config = readConfig(
    { NODE_ENV: 'production', PUBLIC_URL, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: postgres?.url ?? '' },
    { loadDotEnv: false },
  );
  const database = await openDatabase({ databaseUrl: postgres?.url });
  await database.migrate();
  const db = database.db;
  const companies = {} as Record<'small' | 'large', Company>;
  for (const size of sizes) companies[size.label] = await seedCompany(db, size);
  await refreshStatistics(database);
  if (database.kind === 'postgres') await database.raw.executeSql('analyze', []);

  const { app, auth } = await buildApp({ config, database, storage: createDiskStorage(path.join(dataDir, 'files')), logger: false });
  const counter = attachSqlCounter(db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (app.server.address() as { port: number }).port;

  // The baseline: one indexed SELECT (a primary-key lookup) per request, on the same database.
  const orgId = companies.small.orgId;
  const base = http.createServer((_req, res) => {
    database.raw.executeSql('select id, name from organizations where id = $1', [orgId]).then(
      (result) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(result.rows));
      },
      (error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      },
    );
  });
  const basePort = await listen(base);

  const control = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://control');
    const answer = (value: unknown) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(value));
    };
    const fail = (error: Error) => {
      res.statusCode = 500;
      res.end(error.stack ?? error.message);
    };
    if (url.pathname === '/stats') {
      answer({ statements: counter.count, rss: process.memoryUsage().rss, cpu: readThreadCpu() });
      counter.reset();
      return;
    }
    if (url.pathname === '/prepare') {
      const company = companies[url.searchParams.get('company') as 'small' | 'large'];
      const status = url.searchParams.get('status') as 'open' | 'submitted';
      seedWriteTargets(db, company, status, Number(url.searchParams.get('count'))).then(answer, fail);
      return;
    }
    if (url.pathname === '/explain') {
      // EXPLAIN the statements of one request, as they ran (same parameters).
      readBody(req)
        .then(async (body) => {
          const { path: target, cookie, context } = JSON.parse(body) as { path: string; cookie: string; context: string };
          counter.reset();
          const reply = await app.inject({ url: target, headers: { cookie, 'x-portico-context': context } });
          if (reply.statusCode !== 200) throw new Error(`${target}: ${reply.statusCode}`);
          const statements = [...counter.statements];
          const params = [...counter.params];
          counter.reset();
          const plans: Array<{ sql: string; plan: string[] }> = [];
          for (const [i, sql] of statements.entries()) {
            if (!/^select/i.test(sql)) continue;
            const result = await database.raw.executeSql(`explain ${sql}`, params[i] ?? []);
            plans.push({ sql, plan: (result.rows as Array<Record<string, string>>).map((r) => Object.values(r)[0]!) });
          }
          return plans;
        })
        .then(answer, fail);
      return;
    }
    if (url.pathname === '/stop') {
      answer({ ok: true });
      void (async () => {
        await app.close();
        base.close();
        control.close();
        await database.close();
        await postgres?.drop();
        process.exit(0);
      })();
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  const controlPort = await listen(control);

  const sessionFor = async (email: string, context: string): Promise<Session> => {
    const cookies = await createSessionCookies(auth, email, new Headers({ origin: PUBLIC_URL }));
    return { cookie: cookies.map((c) => c.split(';')[0]).join('; '), context };
  };
  const info: BenchServerInfo = {
    db: database.kind,
    appPort,
    basePort,
    controlPort,
    companies: {
      small: {
        orgId: companies.small.orgId,
        contractorId: companies.small.contractorId,
        owner: await sessionFor(companies.small.ownerEmail, `staff:${companies.small.orgId}`),
        contractor: await sessionFor(companies.small.contractorEmail, `contractor:${companies.small.contractorId}`),
      },
      large: {
        orgId: companies.large.orgId,
        contractorId: companies.large.contractorId,
        owner: await sessionFor(companies.large.ownerEmail, `staff:${companies.large.orgId}`),
        contractor: await sessionFor(companies.large.contractorEmail, `contractor:${companies.large.contractorId}`),
      },
    },
  };
  counter.reset();
  process.stdout.write(`${JSON.stringify(info)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
