#!/usr/bin/env node
// The JavaScript budget of the web app's pages, read from the Vite manifest of the last build
// (dist/web/.vite/manifest.json): for each page, the entry chunk and its static imports, plus the
// lazily loaded chunks that page renders (and their static imports), compressed as they are served.
// Run by `npm run check:bundle` after `npm run build` (and by .ci/run); exits 1 when a page is over
// its budget or the build is missing. `--json` prints the measurements as JSON.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1024;

/**
 * Pages worth a budget: what a person downloads before the page can be used. `budgetGzip` is what
 * fails the check; `goalGzip` is the goal of issue 8, printed beside it. Where the goal holds, the
 * budget is the goal. React 19 alone weighs 66 KB gzip and TanStack Router + Query 35 KB, so the
 * sign-in page is rendered before the router (src/web/main.tsx: its entry is React and the page,
 * nothing lazy) and every other page starts from app/app.boot.tsx (docs/architecture.md,
 * "Loading only what a page needs").
 */
const ENTRY_ONLY = [];
const SIGNED_IN = ['app/app.boot.tsx', 'app/shell.layout.tsx'];

export const pages = [
  { name: 'sign-in', path: '/sign-in', goalGzip: 100 * KB, budgetGzip: 100 * KB, lazy: ENTRY_ONLY },
  {
    name: 'contractor portal: what is left to deliver',
    path: '/portal/deliver',
    goalGzip: 180 * KB,
    budgetGzip: 180 * KB,
    lazy: [...SIGNED_IN, 'features/milestones/components/deliver.page.tsx'],
  },
  {
    name: 'company contractors (the invitation form loads when its button is pressed)',
    path: '/app/contractors',
    goalGzip: 180 * KB,
    budgetGzip: 180 * KB,
    lazy: [...SIGNED_IN, 'features/engagements/components/contractors.page.tsx'],
  },
  {
    // The heaviest page until its forms became on-demand: Approve, Request changes, Edit and
    // Delete are dialogs that load when their button is wanted (lazyDialog), and the contractor's
    // submit form and attachments (file drop, uploads) load only on the contractor's side.
    // 276 KB → 160 KB gzip.
    name: 'company milestone detail',
    path: '/app/milestones/$milestoneId',
    goalGzip: 180 * KB,
    budgetGzip: 180 * KB,
    lazy: [...SIGNED_IN, 'features/milestones/components/milestone-detail.page.tsx'],
  },
  {
    name: 'company Home (first page after sign-in)',
    path: '/app/home',
    goalGzip: 180 * KB,
    budgetGzip: 180 * KB,
    lazy: [...SIGNED_IN, 'features/home/components/company-home.page.tsx'],
  },
  {
    name: 'contractor Home (first page after sign-in)',
    path: '/portal/home',
    goalGzip: 180 * KB,
    budgetGzip: 180 * KB,
    lazy: [...SIGNED_IN, 'features/home/components/contractor-home.page.tsx'],
  },
  {
    // The technician's job page on a phone (issue 10): the page, its site work (tasks, photos,
    // the performed form) and the offline part (queue, banner, worker registration). The signature
    // pad (signature_pad) loads when the performed form shows; it is counted here too. The job's
    // messages (thread, composer) load when the technician scrolls near them or once the page has
    // settled (features/messages/components/job-messages.deferred.tsx): not counted, but the small
    // part that waits for them is (app/tech-job.parts.ts: one chunk with the page). Until
    // 2026-12-04 the messages loaded with the page and this list left them out, which hid ~37 KB
    // gzip (217 KB in all, with React Aria's file drop).
    name: 'tech view: a job on the phone (with the signature pad)',
    path: '/tech/jobs/$jobId',
    goalGzip: 180 * KB,
    budgetGzip: 180 * KB,
    lazy: [
      ...SIGNED_IN,
      'app/tech-job.parts.ts',
      'features/site-work/offline/tech-offline.tsx',
      '../../node_modules/signature_pad/dist/signature_pad.js',
    ],
  },
];

/** The files (assets/….js) a set of manifest keys loads: each chunk and, transitively, its static imports. */
export function collectChunks(manifest, keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key] ?? findChunkOfModule(manifest, key);
    if (!chunk) throw new Error(`The Vite manifest has no chunk for ${key}: was it renamed? Update scripts/bundle-budget.mjs.`);
    if (chunk.file.endsWith('.js')) files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/**
 * A chunk that the build keyed by its file rather than its module (rolldown does so for a module
 * that several chunks import dynamically): the one named after the module.
 */
function findChunkOfModule(manifest, key) {
  const name = path.basename(key).replace(/\.[cm]?[jt]sx?$/, '');
  const found = Object.values(manifest).filter((chunk) => chunk.name === name && !chunk.src);
  return found.length === 1 ? found[0] : undefined;
}

/** The entry point's manifest key (index.html). */
export function findEntry(manifest) {
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('The Vite manifest has no entry chunk.');
  return entry[0];
}

/** Raw, gzip and brotli bytes of the JavaScript each page loads, against its gzip budget. */
export function measurePages(webDir, list = pages) {
  const manifestPath = path.join(webDir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = findEntry(manifest);
  const sizes = new Map();
  const sizeOf = (file) => {
    if (!sizes.has(file)) {
      const bytes = readFileSync(path.join(webDir, file));
      sizes.set(file, {
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      });
    }
    return sizes.get(file);
  };
  return list.map((page) => {
    const files = collectChunks(manifest, [entry, ...page.lazy]);
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of files) {
      const size = sizeOf(file);
      total.raw += size.raw;
      total.gzip += size.gzip;
      total.brotli += size.brotli;
    }
    return {
      name: page.name,
      path: page.path,
      chunks: files.length,
      ...total,
      budgetGzip: page.budgetGzip,
      goalGzip: page.goalGzip,
      ok: total.gzip <= page.budgetGzip,
    };
  });
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function main() {
  const webDir = path.resolve(import.meta.dirname, '..', 'dist', 'web');
  let results;
  try {
    results = measurePages(webDir);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results, null, 2));
  } else {
    for (const r of results) {
      console.log(
        `${r.ok ? 'ok  ' : 'OVER'} ${r.path.padEnd(30)} ${String(r.chunks).padStart(3)} chunks  raw ${kb(r.raw).padStart(9)}  gzip ${kb(r.gzip).padStart(8)}  br ${kb(r.brotli).padStart(8)}  budget ${kb(r.budgetGzip)}  goal ${kb(r.goalGzip)}${r.gzip <= r.goalGzip ? ' met' : ' not met'}  (${r.name})`,
      );
    }
  }
  const over = results.filter((r) => !r.ok);
  if (over.length > 0) {
    console.error(`JavaScript budget exceeded on ${over.map((r) => r.path).join(', ')}.`);
    process.exit(1);
  }
  console.log(`bundle budget OK (${results.length} pages)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
