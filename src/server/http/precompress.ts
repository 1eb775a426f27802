import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text files worth compressing once at build time, at the highest settings. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
const MIN_BYTES = 1024;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Writes `file.br` and `file.gz` beside a file, at the highest settings, when they are smaller. */
export async function compressFile(file: string): Promise<void> {
  const bytes = await readFile(file);
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  // A copy that is not smaller is not worth serving.
  if (br.length < bytes.length) await writeFile(`${file}.br`, br);
  if (gz.length < bytes.length) await writeFile(`${file}.gz`, gz);
}

/**
 * Compresses every text file of a build directory once (the server sends these copies as they
 * are: static.plugin.ts, `preCompressed`). Skips Vite's own metadata and files under 1 KB.
 */
export async function precompressDir(outDir: string): Promise<void> {
  const files = (await listFiles(outDir)).filter((file) => compressible.test(file) && !file.includes(`${path.sep}.vite${path.sep}`));
  const large = [];
  for (const file of files) if ((await stat(file)).size >= MIN_BYTES) large.push(file);
  await Promise.all(large.map(compressFile));
}
