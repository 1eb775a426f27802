/**
 * Benchmarks, each against a baseline measured in the same run on the same machine:
 *  - cold start to /ready with an existing PGlite data directory, vs. a bare HTTP server started the same way;
 *  - a scoped API read (GET /api/engagements) vs. GET /health on the same server.
 *  - the company's milestone list with 5,000 milestones vs. 50 (bench/milestones.bench.ts).
 * Run: npm run bench
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/demo.data.ts';
import { benchMilestoneList } from './milestones.bench.ts';

const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startAndTime(args: string[], env: NodeJS.ProcessEnv, readyUrl: string): Promise<{ ms: number; child: ChildProcess }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'ignore' });
  for (;;) {
    const ok = await fetch(readyUrl).then((r) => r.ok, () => false);
    if (ok) return { ms: performance.now() - started, child };
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeRequests(url: string, headers: Record<string, string>, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PORTICO_DEMO: '1', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const serverArgs = ['--import', 'tsx', 'src/server/main.ts'];
  const baselineArgs = ['--import', 'tsx', '-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`];

  const first = await startAndTime(serverArgs, env, `${url}/ready`);
  await stop(first.child);
  const runs = 5;
  const cold: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = await startAndTime(baselineArgs, env, `${url}/`);
    bare.push(b.ms);
    await stop(b.child);
    const s = await startAndTime(serverArgs, env, `${url}/ready`);
    cold.push(s.ms);
    await stop(s.child);
  }

  const server = await startAndTime(serverArgs, env, `${url}/ready`);
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'olivia.owner@northwind.example', password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  await timeRequests(`${url}/api/engagements`, { cookie }, 50);
  const health = await timeRequests(`${url}/health`, {}, 500);
  const engagementsList = await timeRequests(`${url}/api/engagements`, { cookie }, 500);
  await stop(server.child);
  rmSync(dataDir, { recursive: true, force: true });

  const rows: string[][] = [
    ['cold start to /ready (existing data dir)', `${median(cold).toFixed(0)} ms median of ${runs}`, `bare HTTP server via tsx: ${median(bare).toFixed(0)} ms`, `+${(median(cold) - median(bare)).toFixed(0)} ms`],
    ['GET /api/engagements (session + scope)', `p50 ${percentile(engagementsList, 50).toFixed(2)} ms, p95 ${percentile(engagementsList, 95).toFixed(2)} ms`, `GET /health: p50 ${percentile(health, 50).toFixed(2)} ms, p95 ${percentile(health, 95).toFixed(2)} ms`, `${(percentile(engagementsList, 50) / percentile(health, 50)).toFixed(1)}x`],
  ];
  rows.push(...(await benchMilestoneList()));
  console.log('\nbenchmark | result | baseline (same run) | difference');
  console.log('--- | --- | --- | ---');
  for (const row of rows) console.log(row.join(' | '));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
