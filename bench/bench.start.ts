/**
 * Start-up and memory, each beside a bare Node HTTP server started the same way (plain `node`) in
 * the same run: the first start with demo data on an empty database, a restart with existing data
 * (to /ready), and the server's RSS after it has answered a few hundred session requests (once
 * restarted, and in the process of a first start, which loaded the demo data). The
 * server runs as `npm start` runs it: the prebuilt bundle (dist/server/main.mjs). Building it is
 * timed on its own (`npm start` builds it once, when src/server or src/shared changed), and so is
 * the embedded database's template (initialised and migrated, copied by a first start on PGlite;
 * built by `npm run build`, once per migration change); the web build is not part of it (that is
 * the bundle's own benchmark).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/server/demo/demo.data.ts';
import { createPostgresDatabase } from '../src/server/test/own-database.ts';
import { runLoad } from './bench.load.ts';

const root = path.resolve(import.meta.dirname, '..');

export interface StartResult {
  serverBuildMs: number;
  /** Building the embedded database's template (PGlite only; `npm run build`, once per migration change). */
  templateBuildMs: number | null;
  /** Each first start, on its own empty database (a new data directory, or a new PostgreSQL database). */
  firstStartMs: number[];
  restartMs: number[];
  bareStartMs: number[];
  /** The server's RSS after a warm-up, restarted on existing data. */
  rssMb: number;
  /** The same, in the process of the last first start (it loaded the demo data: what a new user's `npm start` keeps running). */
  firstStartRssMb: number;
  bareRssMb: number;
}

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
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-2000);
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(readyUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { ms: performance.now() - started, child };
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} was not ready within 120 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function warmUp(port: number): Promise<void> {
  const url = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'olivia.owner@northwind.example', password: DEMO_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`demo sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const paths = [
    '/api/me',
    '/api/contracts',
    '/api/milestones?view=pending',
    '/api/engagements',
    '/api/notifications',
    '/api/audit-events',
  ];
  let i = 0;
  await runLoad({
    port,
    connections: 10,
    seconds: 5,
    maxRequests: 600,
    headers: { cookie },
    next: () => ({ path: paths[i++ % paths.length]! }),
  });
}

export async function benchStart(databaseUrl: string | undefined, restarts = 3, firstStarts = 3): Promise<StartResult> {
  const newDataDir = () => mkdtempSync(path.join(tmpdir(), 'portico-bench-start-'));
  const newDatabase = async () => (databaseUrl ? createPostgresDatabase(databaseUrl, 'bench_start') : undefined);
  let dataDir = newDataDir();
  let fresh = await newDatabase();
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      PORTICO_DEMO: '1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      PUBLIC_URL: url,
      DATABASE_URL: fresh?.url ?? '',
    };
    delete env.SMTP_URL;
    const built = performance.now();
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`server build failed: ${build.stderr}`);
    const serverBuildMs = performance.now() - built;
    let templateBuildMs: number | null = null;
    if (!fresh) {
      const templateStarted = performance.now();
      const template = spawnSync(process.execPath, ['--liftoff-only', 'scripts/build-pglite-template.mjs'], {
        cwd: root,
        encoding: 'utf8',
      });
      if (template.status !== 0) throw new Error(`template build failed: ${template.stderr}`);
      templateBuildMs = performance.now() - templateStarted;
    }
    // As `npm start` runs it (package.json): PGlite's WASM compiled by Liftoff only, see docs/architecture.md.
    const serverArgs = ['--liftoff-only', 'dist/server/main.mjs'];
    const bareArgs = ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`];

    // A first start is one sample of a noisy machine: taken firstStarts times, each on an empty database.
    const firstStartMs: number[] = [];
    let firstStartRss = Number.NaN;
    for (let i = 0; i < firstStarts; i++) {
      if (i > 0) {
        rmSync(dataDir, { recursive: true, force: true });
        dataDir = newDataDir();
        await fresh?.drop();
        fresh = await newDatabase();
        Object.assign(env, { DATA_DIR: dataDir, DATABASE_URL: fresh?.url ?? '' });
      }
      const first = await startAndTime(serverArgs, env, `${url}/ready`);
      firstStartMs.push(first.ms);
      if (i === firstStarts - 1) {
        await warmUp(port);
        firstStartRss = rssMb(first.child.pid!);
      }
      await stop(first.child);
    }
    const restartMs: number[] = [];
    const bareStartMs: number[] = [];
    let rss = Number.NaN;
    let bareRss = Number.NaN;
    for (let i = 0; i < restarts; i++) {
      const bare = await startAndTime(bareArgs, env, `${url}/`);
      bareStartMs.push(bare.ms);
      if (i === restarts - 1) bareRss = rssMb(bare.child.pid!);
      await stop(bare.child);
      const server = await startAndTime(serverArgs, env, `${url}/ready`);
      restartMs.push(server.ms);
      if (i === restarts - 1) {
        await warmUp(port);
        rss = rssMb(server.child.pid!);
      }
      await stop(server.child);
    }
    return {
      serverBuildMs,
      templateBuildMs,
      firstStartMs,
      restartMs,
      bareStartMs,
      rssMb: rss,
      firstStartRssMb: firstStartRss,
      bareRssMb: bareRss,
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await fresh?.drop();
  }
}
