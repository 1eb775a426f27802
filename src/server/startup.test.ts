import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from './test/own-database.ts';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const servers: NetServer[] = [];

interface Child {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** The real server from its sources (or, given `args`, as `npm start` runs it), in its own data directory. */
function startServer(env: Record<string, string>, args = ['--import', 'tsx', 'src/server/main.ts']): Child {
  const base: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORTICO_DEMO: '0', LOG_LEVEL: 'info', NODE_ENV: 'test' };
  delete base.DATABASE_URL;
  delete base.SMTP_URL;
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Polls until the check holds, for up to `ms` (generous: the machine may be busy). */
async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: () => string): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting: ${what()}`);
}

async function listenOnFreePort(): Promise<{ server: NetServer; port: number }> {
  const server = createServer((socket) => socket.destroy());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

async function closedPort(): Promise<number> {
  const { server, port } = await listenOnFreePort();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'portico-startup-'));
const EXIT_MS = 150_000;

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const server of servers.splice(0)) server.close();
});

describe('start-up and shutdown faults', () => {
  it(
    'names the PostgreSQL host and the cause in one line and exits 2 when it cannot be reached',
    async () => {
      const port = await closedPort();
      const server = startServer({ DATABASE_URL: `postgres://portico:secret@127.0.0.1:${port}/portico`, PORT: '0', DATA_DIR: dataDir() });
      const code = await server.exited;
      expect(code, server.stderr()).toBe(2);
      expect(server.stderr().trim()).toBe(`portico: cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused`);
      expect(server.stderr()).not.toContain('secret');
    },
    EXIT_MS,
  );

  it(
    'says the port is in use in one line, exits 2, releases the lock and clears old temp files',
    async () => {
      const { port } = await listenOnFreePort();
      const dir = dataDir();
      const tmp = path.join(dir, 'files', 'tmp');
      mkdirSync(tmp, { recursive: true });
      writeFileSync(path.join(tmp, 'interrupted-upload'), Buffer.alloc(1024 * 1024, 7));
      const server = startServer({ PORT: String(port), DATA_DIR: dir });
      const code = await server.exited;
      expect(code, server.stderr()).toBe(2);
      expect(server.stderr().trim()).toBe(
        `portico: cannot listen on 127.0.0.1:${port}: the port is already in use (is Portico already running?); stop that program or set PORT`,
      );
      expect(existsSync(path.join(dir, 'portico.lock'))).toBe(false);
      expect(existsSync(path.join(tmp, 'interrupted-upload'))).toBe(false);
      expect(server.stdout()).toContain('removed temporary files left by interrupted uploads');
    },
    EXIT_MS,
  );

  it(
    'a SIGTERM while background jobs are still starting stops them before the database: exit 0, nothing logged as an error',
    async () => {
      const dir = dataDir();
      const server = startServer({ PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'debug' });
      // Stopped from the stdout handler itself when pg-boss begins its start (its queries take a while).
      server.child.stdout?.on('data', () => {
        if (server.stdout().includes('"msg":"the queue is starting"') && !server.child.killed) server.child.kill('SIGTERM');
      });
      const code = await server.exited;
      expect(code, server.stdout() + server.stderr()).toBe(0);
      const errors = server
        .stdout()
        .split('\n')
        .filter((line) => line.startsWith('{') && (JSON.parse(line) as { level: number }).level >= 50);
      expect(errors).toEqual([]);
      expect(server.stdout()).toContain('"msg":"stopped"');
      expect(existsSync(path.join(dir, 'portico.lock'))).toBe(false);
    },
    EXIT_MS,
  );

  it(
    'after SHUTDOWN_GRACE_SECONDS exits anyway, logging the requests it cut, and releases the lock',
    async () => {
      const port = await closedPort();
      const dir = dataDir();
      const server = startServer({ PORT: String(port), DATA_DIR: dir, SHUTDOWN_GRACE_SECONDS: '1' });
      await waitFor(
        () =>
          fetch(`http://127.0.0.1:${port}/ready`).then(
            (r) => r.ok,
            () => false,
          ),
        EXIT_MS - 30_000,
        () => server.stdout() + server.stderr(),
      );
      // A request whose body never finishes arriving stays in flight.
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.on('connect', resolve));
      socket.write(
        'POST /api/auth/sign-in/email HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":',
      );
      socket.on('error', () => {});
      await waitFor(
        () => server.stdout().includes('"url":"/api/auth/sign-in/email"'),
        60_000,
        () => server.stdout(),
      );
      server.child.kill('SIGTERM');
      const code = await server.exited;
      socket.destroy();
      expect(code, server.stdout()).toBe(1);
      const line = server
        .stdout()
        .split('\n')
        .find((l) => l.includes('shutdown grace period'));
      expect(line, server.stdout()).toBeDefined();
      const entry = JSON.parse(line ?? '{}');
      expect(entry).toMatchObject({ graceSeconds: 1, cut: 1, requests: [{ method: 'POST', url: '/api/auth/sign-in/email' }] });
      expect(existsSync(path.join(dir, 'portico.lock'))).toBe(false);
    },
    EXIT_MS,
  );
});

describe('the prebuilt server (what `npm start` runs)', () => {
  const outDir = path.join(root, 'dist', `server-test-${process.pid}`);
  beforeAll(() => {
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs', `--outfile=${path.join(outDir, 'main.mjs')}`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
  }, EXIT_MS);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  /** Starts the bundle, waits for /ready, checks it answers, stops it with SIGTERM: exit 0, lock released. */
  async function startAnswerStop(env: Record<string, string>): Promise<void> {
    const port = await closedPort();
    const dir = dataDir();
    const server = startServer({ PORT: String(port), DATA_DIR: dir, ...env }, [path.join(outDir, 'main.mjs')]);
    const url = `http://127.0.0.1:${port}`;
    await waitFor(
      () =>
        fetch(`${url}/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      EXIT_MS - 30_000,
      () => server.stdout() + server.stderr(),
    );
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const me = await fetch(`${url}/api/me`);
    expect(me.status).toBe(401);
    server.child.kill('SIGTERM');
    expect(await server.exited, server.stdout() + server.stderr()).toBe(0);
    expect(existsSync(path.join(dir, 'portico.lock'))).toBe(false);
  }

  it(
    'is a bundle that finds the migrations, the database thread and the web build from dist/, starts, answers and stops',
    () => startAnswerStop({}),
    EXIT_MS,
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'starts on a new, empty PostgreSQL database (the app is built while the migrations run) and again on the migrated one',
    async () => {
      const own = await createPostgresDatabase(process.env.DATABASE_URL!, 'startup');
      try {
        await startAnswerStop({ DATABASE_URL: own.url, PORTICO_DEMO: '1' });
        await startAnswerStop({ DATABASE_URL: own.url });
      } finally {
        await own.drop();
      }
    },
    EXIT_MS * 2,
  );
});
