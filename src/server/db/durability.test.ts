import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Child, cleanUpChildren, makeTempDir, spawnChild } from '../test/children.ts';
import { waitFor } from '../test/wait.ts';
import { DEMO_PASSWORD } from '../demo/demo.data.ts';

const root = path.resolve(import.meta.dirname, '../../..');

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
  child: Child;
  url: string;
}

/**
 * The real server, as `npm start` runs it, on the embedded database in dataDir: these tests are
 * about PGlite, so a run of the suite against PostgreSQL skips them (they would only repeat).
 */
function spawnServer(dataDir: string, port: number): Server {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PORTICO_DEMO: '1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const child = spawnChild(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** Polls GET /ready (a first start migrates and seeds the demo data: slow on a busy machine). */
async function waitReady(server: Server): Promise<void> {
  let exited = false;
  void server.child.exited.then(() => (exited = true));
  const outcome = await waitFor(
    async () => {
      if (exited) return 'exited';
      const ok = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(5_000) }).then(
        (r) => r.ok,
        () => false,
      );
      return ok ? 'ready' : false;
    },
    { timeoutMs: 240_000, intervalMs: 200, message: `${server.url}/ready` },
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n${server.child.output()}`);
  });
  if (outcome === 'exited') throw new Error(`the server exited before it was ready:\n${server.child.output()}`);
}

async function signInOwner(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: 'olivia.owner@northwind.example', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

afterEach(cleanUpChildren);

describe.skipIf(Boolean(process.env.DATABASE_URL))(
  'the embedded database under faults (skipped when the suite runs on PostgreSQL)',
  { timeout: 900_000 },
  () => {
    it('refuses a second process on the same data directory, naming the holder, and keeps the data intact', async () => {
      const dataDir = makeTempDir('portico-durability-');
      const first = spawnServer(dataDir, await freePort());
      await waitReady(first);
      const second = spawnServer(dataDir, await freePort());
      expect(await second.child.exited).toBe(2);
      expect(second.child.output()).toContain(`in use by process ${first.child.pid}`);
      const cookie = await signInOwner(first.url);
      const list = await fetch(`${first.url}/api/engagements`, { headers: { cookie } });
      expect((await list.json()).items).toHaveLength(2);
      first.child.process.kill('SIGTERM');
      expect(await first.child.exited).toBe(0);
      expect(existsSync(path.join(dataDir, 'portico.lock'))).toBe(false);
    });

    it('comes back after kill -9 during writes with every acknowledged write', async () => {
      const dataDir = makeTempDir('portico-durability-');
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
      let lanesEnded = false;
      const lanes = [writer(1), writer(2), writer(3)];
      void Promise.all(lanes).then(() => (lanesEnded = true));
      await waitFor(() => acknowledged.length >= 30 || lanesEnded, {
        timeoutMs: 240_000,
        intervalMs: 20,
        message: '30 acknowledged writes',
      });
      expect(lanesEnded).toBe(false);
      server.child.process.kill('SIGKILL');
      stop = true;
      await Promise.all(lanes);
      await server.child.exited;

      const again = spawnServer(dataDir, port);
      await waitReady(again);
      const cookie2 = await signInOwner(again.url);
      const list = await fetch(`${again.url}/api/invitations`, { headers: { cookie: cookie2 } });
      const ids = new Set(((await list.json()).items as Array<{ id: string }>).map((i) => i.id));
      const lost = acknowledged.filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
      again.child.process.kill('SIGTERM');
      await again.child.exited;
    });
  },
);
