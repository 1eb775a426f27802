import { createServer } from 'node:net';
import path from 'node:path';
import { type Child, spawnChild } from './children.ts';
import { waitFor } from './wait.ts';

const root = path.resolve(import.meta.dirname, '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServerChild {
  child: Child;
  url: string;
}

/** The real server (`src/server/main.ts`) in a child process on 127.0.0.1, with the given environment on top of this one's. */
export function spawnServer(port: number, env: Record<string, string | undefined>): ServerChild {
  const full: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete full[key];
  delete full.SMTP_URL;
  const child = spawnChild(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env: full });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** Polls GET /ready (a first start migrates and seeds the demo data: slow on a busy machine). */
export async function waitServerReady(server: ServerChild): Promise<void> {
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

/** Signs in with email and password; the Cookie header to send back. */
export async function signInWithPassword(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}
