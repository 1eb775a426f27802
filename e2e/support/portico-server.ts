import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const READY_TIMEOUT_MS = 240_000;

export interface PorticoServer {
  url: string;
  dataDir: string;
  /** What the server printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the server binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the server as `npm start` runs it (the prebuilt bundle dist/server/main.mjs, rebuilt
 * first when its sources are newer) on a fresh embedded database with the demo
 * data, mail going to the given SMTP port, and polls until GET /ready answers 200 (within a
 * generous limit: a first start migrates and seeds, which is slow on a busy machine).
 */
export async function startPortico(options: { smtpPort: number; readyTimeoutMs?: number }): Promise<PorticoServer> {
  if (!existsSync(path.join(repoRoot, 'dist/web/index.html')))
    throw new Error('dist/web/index.html is missing: run `npm run build` before the browser journeys.');
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the server's build failed: ${build.stderr}`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portico-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    PORTICO_DEMO: '1',
    SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    // Notification emails go 2 s after a burst starts (180 s by default): the journeys wait for them.
    NOTIFICATION_EMAIL_DELAY_SECONDS: '2',
  };
  // The journeys run on the embedded database, whatever the shell has set.
  delete env.DATABASE_URL;

  let log = '';
  const tail = () => log.slice(-6_000);
  // As `npm start` runs it (package.json): PGlite's WASM compiled by Liftoff only.
  const child: ChildProcess = spawn(process.execPath, ['--liftoff-only', 'dist/server/main.mjs'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so stopping it also stops anything it started
    detached: true,
  });
  const relay = (stream: NodeJS.ReadableStream | null, target: NodeJS.WriteStream) =>
    stream?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log += text;
      if (log.length > 200_000) log = log.slice(-100_000);
      target.write(text.replace(/^(?=.)/gm, '[portico] '));
    });
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || exited) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  const stop = async () => {
    if (!exited) {
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    }
    // nothing the server started may outlive it: make sure the whole group is gone
    signalGroup('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? READY_TIMEOUT_MS);
  for (;;) {
    if (exited) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The Portico server exited before it was ready (${JSON.stringify(exited)}). Its output ended with:\n${tail()}`);
    }
    try {
      const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `The Portico server at ${url} was not ready within ${options.readyTimeoutMs ?? READY_TIMEOUT_MS} ms. Its output ended with:\n${tail()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return { url, dataDir, output: () => log, stop };
}
