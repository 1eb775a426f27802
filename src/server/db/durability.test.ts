import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const running: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** The real server, as `npm start` runs it, on the embedded database in dataDir. */
function spawnServer(dataDir: string, port: number): Server {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PORTICO_DEMO: '1', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitReady(server: Server): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    const ok = await fetch(`${server.url}/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready: ${server.output()}`);
}

async function signInOwner(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'olivia.owner@northwind.example', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

afterAll(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the embedded database under faults', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-durability-'));

  it('refuses a second process on the same data directory, naming the holder, and keeps the data intact', async () => {
    const first = spawnServer(dataDir, await freePort());
    await waitReady(first);
    const second = spawnServer(dataDir, await freePort());
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain(`in use by process ${first.child.pid}`);
    const cookie = await signInOwner(first.url);
    const list = await fetch(`${first.url}/api/engagements`, { headers: { cookie } });
    expect((await list.json()).items).toHaveLength(2);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'portico.lock'))).toBe(false);
  });

  it('comes back after kill -9 during writes with every acknowledged write', async () => {
    const port = await freePort();
    const server = spawnServer(dataDir, port);
    await waitReady(server);
    const cookie = await signInOwner(server.url);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const res = await fetch(`${server.url}/api/invitations/staff`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: server.url, cookie },
          body: JSON.stringify({ name: `Durable ${lane}-${i}`, email: `durable.${lane}.${i}@example.test`, role: 'viewer' }),
        }).catch(() => null);
        if (!res) return;
        if (res.status === 201) acknowledged.push((await res.json()).id);
      }
    };
    const lanes = [writer(1), writer(2), writer(3)];
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    stop = true;
    await Promise.all(lanes);
    await server.exited;

    const again = spawnServer(dataDir, port);
    await waitReady(again);
    const cookie2 = await signInOwner(again.url);
    const list = await fetch(`${again.url}/api/invitations`, { headers: { cookie: cookie2 } });
    const ids = new Set(((await list.json()).items as Array<{ id: string }>).map((i) => i.id));
    const lost = acknowledged.filter((id) => !ids.has(id));
    expect(lost).toEqual([]);
    again.child.kill('SIGTERM');
    await again.exited;
  });
});
