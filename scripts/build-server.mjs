// The server as prebuilt JavaScript (dist/server/main.mjs and its chunks), what `npm start` runs: Node
// loads it without a TypeScript loader (tsx compiles and resolves each of the server's few hundred
// files at every start: seconds on this machine). Our code and most packages are bundled, split at
// our dynamic imports; the few packages that cannot be (see externalPackages) stay imports. `--if-stale` builds only when the bundle is missing or older
// than what it is built from (src/server, src/shared, the installed packages, this script).
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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

/**
 * Packages left to Node: PGlite (its WASM and data files; it runs on its own thread anyway), the
 * native argon2 binding and pdfkit (its fonts). swagger-ui is bundled and told where its files are. @fastify/swagger is
 * bundled: the package.json it reads for a default title and version is not needed (the app gives
 * both), and its ~100 CommonJS files took ~0.15 s of every start to load one by one.
 */
const externalPackages = ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', 'pg-native'];

/** What bundled CommonJS packages expect in an ES module: require, __filename, __dirname. */
const cjsShims = [
  "import { createRequire as __porticoCreateRequire } from 'node:module';",
  "import { fileURLToPath as __porticoFileURLToPath } from 'node:url';",
  "import { dirname as __porticoDirname } from 'node:path';",
  'const require = __porticoCreateRequire(import.meta.url);',
  'const __filename = __porticoFileURLToPath(import.meta.url);',
  'const __dirname = __porticoDirname(__filename);',
].join(' ');

/**
 * Bundles src/server/main.ts into `outfile` (a file inside the project: the server finds its root
 * by walking up), split at our dynamic imports: main.mjs loads only what the start needs first
 * (config, the database's thread), and each `import()` (the app, the demo, inbound mail, PDF,
 * SMTP) is a chunk beside it (chunks/), whose packages Node loads when the chunk is first used.
 */
export async function buildServer(outfile = serverBundle) {
  const outdir = path.dirname(outfile);
  rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
  await build({
    entryPoints: { [path.basename(outfile, '.mjs')]: path.join(root, 'src/server/main.ts') },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages are bundled too (Node resolving and compiling a thousand small files was most of
    // a start), except those that read their own files next to their code, or load a native binary.
    external: externalPackages,
    banner: { js: cjsShims },
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
