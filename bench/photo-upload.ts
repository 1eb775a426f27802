/**
 * The time to upload ten 4 MB phone photos from the tech view: as they come off the camera,
 * against scaled on the phone first (src/web/lib/image.scale.ts: long edge 2,000 px, JPEG), the
 * way TaskPhotos does it (all ten at once, each scaled then sent to POST /api/files).
 * Real JPEGs: ten 4032×3024 photos drawn and encoded in Chromium (a textured scene, ~4 MB each).
 * Real server: Portico on 127.0.0.1 (its own PGlite data directory and demo data, removed
 * afterwards), signed in as a contractor's admin. Two networks: loopback, and a phone's uplink
 * emulated by Chromium (5 Mbit/s up, 20 Mbit/s down, 50 ms).
 * Run: npx tsx bench/photo-upload.ts   (writes bench/photo-upload-results.json)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { DEMO_PASSWORD } from '../src/server/demo/demo.data.ts';

const root = path.resolve(import.meta.dirname, '..');
const PHOTOS = 10;
const PERSONA = 'bea@brightline.example';
const networks = [
  { name: 'loopback', conditions: null },
  {
    name: 'phone uplink (5 Mbit/s up, 20 Mbit/s down, 50 ms)',
    conditions: { offline: false, latency: 50, uploadThroughput: (5e6 / 8) | 0, downloadThroughput: (20e6 / 8) | 0 },
  },
] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`);
    if (
      await fetch(`${url}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server was not ready within 180 s');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function signIn(url: string): Promise<{ name: string; value: string }[]> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: PERSONA, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`signing in as ${PERSONA} failed: HTTP ${res.status}`);
  return res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const at = pair!.indexOf('=');
    return { name: pair!.slice(0, at), value: pair!.slice(at + 1) };
  });
}

/** The web app's own scaling code, bundled for the page (window.PorticoScale.scalePhoto). */
async function scalingScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(root, 'src/web/lib/image.scale.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'PorticoScale',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}

/** Draws and encodes the ten photos in the page (kept on window.benchPhotos); returns their sizes. */
async function makePhotos(page: Page): Promise<number[]> {
  return page.evaluate(async (count) => {
    const photos: File[] = [];
    for (let n = 0; n < count; n++) {
      const canvas = new OffscreenCanvas(4032, 3024);
      const g = canvas.getContext('2d')!;
      const gradient = g.createLinearGradient(0, 0, 4032, 3024);
      gradient.addColorStop(0, `hsl(${n * 36}, 35%, 45%)`);
      gradient.addColorStop(1, `hsl(${n * 36 + 90}, 30%, 75%)`);
      g.fillStyle = gradient;
      g.fillRect(0, 0, 4032, 3024);
      // A camera's texture and sensor noise: what makes a real photo weigh megabytes.
      const image = g.getImageData(0, 0, 4032, 3024);
      let seed = 12345 + n;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const noise = (seed % 41) - 20;
        image.data[i] = image.data[i]! + noise;
        image.data[i + 1] = image.data[i + 1]! + noise;
        image.data[i + 2] = image.data[i + 2]! + noise;
      }
      g.putImageData(image, 0, 0);
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
      photos.push(new File([blob], `IMG_${1000 + n}.jpg`, { type: 'image/jpeg' }));
    }
    (window as unknown as { benchPhotos: File[] }).benchPhotos = photos;
    return photos.map((p) => p.size);
  }, PHOTOS);
}

/** Uploads all ten at once (scaled first or not); returns the wall time in ms and the bytes sent. */
async function uploadAll(page: Page, scaled: boolean): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(async (scale) => {
    const w = window as unknown as { benchPhotos: File[]; PorticoScale: { scalePhoto: (f: File) => Promise<File> } };
    let bytes = 0;
    const send = async (file: File) => {
      const ready = scale ? await w.PorticoScale.scalePhoto(file) : file;
      bytes += ready.size;
      const form = new FormData();
      form.append('file', ready, ready.name);
      const res = await fetch('/api/files', { method: 'POST', body: form, credentials: 'same-origin' });
      if (!res.ok) throw new Error(`upload failed: HTTP ${res.status} ${await res.text()}`);
    };
    const started = performance.now();
    await Promise.all(w.benchPhotos.map(send));
    return { ms: Math.round(performance.now() - started), bytes };
  }, scaled);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-photos-'));
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
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForReady(url, server);
    const context = await browser.newContext({ bypassCSP: true });
    await context.addCookies((await signIn(url)).map((c) => ({ ...c, url })));
    const page = await context.newPage();
    await page.goto(`${url}/health`);
    // tsx keeps function names with a __name helper inside the functions sent to the page: give the page one.
    await page.addScriptTag({ content: `window.__name = (f) => f;\n${await scalingScript()}` });
    const sizes = await makePhotos(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const results = [];
    for (const network of networks) {
      if (network.conditions) await cdp.send('Network.emulateNetworkConditions', network.conditions);
      const unscaled = await uploadAll(page, false);
      const scaled = await uploadAll(page, true);
      results.push({ network: network.name, unscaled, scaled });
    }
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
    console.log(
      `\n${PHOTOS} photos 4032×3024, ${mb(sizes.reduce((a, b) => a + b, 0))} MB (each ${mb(Math.min(...sizes))}–${mb(Math.max(...sizes))} MB)`,
    );
    console.log('network | unscaled: MB sent, s | scaled on the phone: MB sent, s (scaling included)');
    console.log('--- | --- | ---');
    for (const r of results)
      console.log(
        `${r.network} | ${mb(r.unscaled.bytes)} MB, ${(r.unscaled.ms / 1000).toFixed(1)} s | ${mb(r.scaled.bytes)} MB, ${(r.scaled.ms / 1000).toFixed(1)} s`,
      );
    const out = path.join(root, 'bench', 'photo-upload-results.json');
    writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), photos: sizes, results }, null, 2)}\n`);
    console.log(`wrote ${path.relative(root, out)}`);
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
