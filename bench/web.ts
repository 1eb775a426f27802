/**
 * Lighthouse (mobile emulation, simulated throttling) against the built app, in Debian's Chromium,
 * on 127.0.0.1 only: the sign-in page, and a signed-in page as a demo persona (session cookie sent
 * as an extra header), and a technician's job page (signed in through an emailed link caught by
 * an SMTP sink: web.tech.ts). Also the JavaScript each page loads (scripts/bundle-budget.mjs).
 * Builds the web app first when dist/ is older than its sources. Starts its own server on a free
 * port with its own PGlite data directory and demo data; removes both afterwards.
 * Prints the scores and writes bench/web-results.json.
 * Run: npm run bench:web   (WEB_BENCH_RUNS=N runs each page N times, median reported; default 3;
 * WEB_BENCH_REPORTS=dir also writes each run's full Lighthouse report there, to read its diagnostics)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { measurePages } from '../scripts/bundle-budget.mjs';
import { DEMO_PASSWORD } from '../src/server/demo/demo.data.ts';
import { startSmtpSink } from '../src/server/test/smtp-sink.ts';
import { signInTechnician, techPagePath } from './web.tech.ts';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'dist', 'web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Math.max(1, Math.min(10, Number(process.env.WEB_BENCH_RUNS ?? 3) || 3));
const REPORTS = process.env.WEB_BENCH_REPORTS;
const GOALS = { performance: 95, accessibility: 100, 'best-practices': 100 } as const;
type Category = keyof typeof GOALS;
const categories = Object.keys(GOALS) as Category[];

/** The demo persona whose first page after sign-in is measured. */
const persona = { email: 'olivia.owner@northwind.example', page: '/app/contractors' };

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** `npm run build` unless dist/web is newer than everything it is built from. */
function buildIfNeeded(): void {
  const built = existsSync(path.join(webDir, '.vite', 'manifest.json')) ? statSync(path.join(webDir, 'index.html')).mtimeMs : 0;
  const sources = ['src/web', 'src/shared', 'vite.config.ts', 'scripts/precompress.vite.ts', 'package-lock.json'];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  if (built > newest) return;
  console.log('building the web app (dist/web is older than its sources)…');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

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

async function waitForReady(url: string, child: ChildProcess, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
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
  throw new Error(`the server was not ready within ${limitMs / 1000} s`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function signIn(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: persona.email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`signing in as ${persona.email} failed: HTTP ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error('signing in set no cookie');
  return cookie;
}

interface PageRun {
  scores: Record<Category, number>;
  metrics: Record<string, number>;
  failing: Record<Category, string[]>;
}

interface AuditLike {
  title?: string;
  displayValue?: string;
  details?: unknown;
}

/** An audit's headline, and what its first items name (which issue, which element, which URL). */
function describeAudit(audit: AuditLike | undefined): string {
  if (!audit) return '';
  const details = audit.details as { items?: Array<Record<string, unknown>> } | undefined;
  const items = (details?.items ?? []).slice(0, 5).map((item) => {
    const node = item.node as { snippet?: string } | undefined;
    const sub = item.subItems as { items?: Array<Record<string, unknown>> } | undefined;
    const first = sub?.items?.[0];
    const detail = first ? ` ${JSON.stringify(first)}` : '';
    return `${String(item.issueType ?? item.url ?? node?.snippet ?? item.description ?? '')}${detail}`.slice(0, 300);
  });
  return `${audit.displayValue ?? audit.title ?? ''}${items.length ? ` [${items.join(' | ')}]` : ''}`;
}

/** Writes a run's whole report (named by page and time) for reading its diagnostics: long tasks, request chains, the LCP element. */
function saveReport(lhr: object, url: string): void {
  if (!REPORTS) return;
  mkdirSync(REPORTS, { recursive: true });
  const name = new URL(url).pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root';
  writeFileSync(path.join(REPORTS, `${name}-${Date.now()}.json`), JSON.stringify(lhr));
}

const metricIds = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

async function audit(chrome: LaunchedChrome, url: string, cookie?: string): Promise<PageRun> {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: categories,
    formFactor: 'mobile',
    ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  if (REPORTS) saveReport(lhr, url);
  const scores = {} as Record<Category, number>;
  const failing = {} as Record<Category, string[]>;
  for (const id of categories) {
    const category = lhr.categories[id];
    scores[id] = Math.round((category?.score ?? 0) * 100);
    failing[id] = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1 && lhr.audits[ref.id]?.scoreDisplayMode !== 'notApplicable')
      .map((ref) => `${ref.id}: ${describeAudit(lhr.audits[ref.id])}`);
  }
  const metrics: Record<string, number> = {};
  for (const id of metricIds) metrics[id] = Math.round((lhr.audits[id]?.numericValue ?? Number.NaN) * 1000) / 1000;
  return { scores, metrics, failing };
}

/** Lighthouse sometimes loses a trace on a busy machine (NO_NAVSTART, NO_FCP): such a run is retried, twice at most. */
async function auditWithRetry(chrome: LaunchedChrome, url: string, cookie?: string): Promise<PageRun> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(chrome, url, cookie);
    } catch (error) {
      if (attempt >= 3) throw error;
      console.error(`${error instanceof Error ? error.message : error}: trying again`);
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The run whose performance score is the median, so scores and metrics come from one real run. */
function medianRun(runs: PageRun[]): PageRun {
  const target = median(runs.map((r) => r.scores.performance));
  return runs.find((r) => r.scores.performance === target) ?? runs[0]!;
}

async function main(): Promise<void> {
  buildIfNeeded();
  const bundles = measurePages(webDir);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-web-'));
  const profileDir = mkdtempSync(path.join(tmpdir(), 'portico-bench-chromium-'));
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
  // A real SMTP sink: the technician signs in through an emailed link (web.tech.ts).
  const sink = await startSmtpSink();
  env.SMTP_URL = sink.url;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let chrome: LaunchedChrome | undefined;
  try {
    await waitForReady(url, server, 180_000);
    const cookie = await signIn(url);
    const techCookie = await signInTechnician(url, sink);
    const techPage = await techPagePath(url, techCookie);
    chrome = await launch({
      chromePath: CHROMIUM,
      userDataDir: profileDir,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const pages = [
      { name: 'sign-in', url: `${url}/sign-in`, cookie: undefined },
      { name: `signed-in (${persona.page})`, url: `${url}${persona.page}`, cookie },
      { name: `technician on a phone (${techPage.replace(/[0-9a-f-]{36}$/, '$jobId')})`, url: `${url}${techPage}`, cookie: techCookie },
    ];
    const results = [];
    for (const page of pages) {
      const runs: PageRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await auditWithRetry(chrome, page.url, page.cookie));
      const chosen = medianRun(runs);
      results.push({ page: page.name, path: new URL(page.url).pathname, runs: runs.map((r) => r.scores), ...chosen });
    }

    console.log(`\nLighthouse ${RUNS === 1 ? '(1 run)' : `(median of ${RUNS} runs)`}, mobile, Chromium at ${CHROMIUM}`);
    console.log('page | performance | accessibility | best practices | FCP ms | LCP ms | TBT ms | CLS');
    console.log('--- | --- | --- | --- | --- | --- | --- | ---');
    for (const r of results) {
      const m = r.metrics;
      console.log(
        `${r.page} | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores['best-practices']} | ${Math.round(m['first-contentful-paint']!)} | ${Math.round(m['largest-contentful-paint']!)} | ${Math.round(m['total-blocking-time']!)} | ${m['cumulative-layout-shift']}`,
      );
      for (const id of categories) for (const f of r.failing[id]) console.log(`    ${id}: ${f}`);
    }
    console.log('\nJavaScript per page (scripts/bundle-budget.mjs)');
    console.log('page | chunks | raw KB | gzip KB | brotli KB | gzip budget KB | gzip goal KB');
    console.log('--- | --- | --- | --- | --- | --- | ---');
    for (const b of bundles) {
      console.log(
        `${b.path} | ${b.chunks} | ${(b.raw / 1024).toFixed(1)} | ${(b.gzip / 1024).toFixed(1)} | ${(b.brotli / 1024).toFixed(1)} | ${b.budgetGzip / 1024} | ${b.goalGzip / 1024}`,
      );
    }
    const goalsMet = results.every((r) => categories.every((c) => r.scores[c] >= GOALS[c]));
    console.log(
      `\ngoals (performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}, best practices ${GOALS['best-practices']}): ${goalsMet ? 'met' : 'NOT met'}`,
    );
    const out = path.join(root, 'bench', 'web-results.json');
    writeFileSync(
      out,
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, chromium: CHROMIUM, runs: RUNS, goals: GOALS, goalsMet, lighthouse: results, bundles }, null, 2)}\n`,
    );
    console.log(`wrote ${path.relative(root, out)}`);
  } finally {
    if (chrome) await chrome.kill();
    await stopServer(server);
    await sink.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
