// The server as one prebuilt JavaScript file (dist/server/main.mjs), what `npm start` runs: Node
// loads it without a TypeScript loader (tsx compiles and resolves each of the server's few hundred
// files at every start: seconds on this machine). Our code is bundled; packages stay imports that
// Node resolves from node_modules. `--if-stale` builds only when the bundle is missing or older
// than what it is built from (src/server, src/shared, the installed packages, this script).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const serverBundle = path.join(root, 'dist/server/main.mjs');
const sources = ['src/server', 'src/shared', 'package-lock.json', 'scripts/build-server.mjs'].map((p) => path.join(root, p));

/** The newest modification time under a file or directory. */
function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target)) latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

export function serverBundleIsCurrent() {
  return existsSync(serverBundle) && statSync(serverBundle).mtimeMs > Math.max(...sources.map(newest));
}

/** Bundles src/server/main.ts into `outfile` (a file inside the project: the server finds its root by walking up). */
export async function buildServer(outfile = serverBundle) {
  await build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // --outfile=<path inside the project> builds elsewhere (the start-up test builds its own copy).
  const outfile = process.argv.find((a) => a.startsWith('--outfile='))?.slice('--outfile='.length);
  if (process.argv.includes('--if-stale') && !outfile && serverBundleIsCurrent()) {
    console.log('The server is up to date (dist/server is newer than its sources): skipping its build.');
  } else {
    const started = performance.now();
    await buildServer(outfile ? path.resolve(outfile) : serverBundle);
    console.log(`Built the server into ${path.relative(root, outfile ?? serverBundle)} in ${Math.round(performance.now() - started)} ms.`);
  }
}
