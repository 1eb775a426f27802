import path from 'node:path';
import type { Plugin } from 'vite';
import { precompressDir } from '../src/server/http/precompress.ts';

/**
 * Writes `file.br` and `file.gz` beside every text file of the build, which the server sends as
 * they are (@fastify/static `preCompressed`), so no request pays for compressing a static file.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'portico:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
