import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';

/** What `fs.promises.statfs` tells about a disk; passed in so a full disk can be shown without filling one. */
export type StatFs = (path: string) => Promise<{ bavail: number; bsize: number }>;

export interface HealthDeps {
  database: Database;
  isReady: () => boolean;
  /** The directory whose disk must keep room (files, and PGlite's data). */
  dataDir: string;
  minFreeBytes: number;
  statfs: StatFs;
}

const MB = 1024 * 1024;

/** Refuses readiness when the data directory's disk has less room than the setting asks. */
async function checkFreeSpace(deps: HealthDeps): Promise<number> {
  const stats = await deps.statfs(deps.dataDir);
  const free = stats.bavail * stats.bsize;
  if (free < deps.minFreeBytes)
    throw new AppError(
      'NOT_READY',
      `Low disk space: ${Math.floor(free / MB)} MB free for ${deps.dataDir}, below READY_MIN_FREE_MB (${Math.round(deps.minFreeBytes / MB)} MB).`,
      { freeMb: Math.floor(free / MB), minFreeMb: Math.round(deps.minFreeBytes / MB) },
    );
  return Math.floor(free / MB);
}

export function registerHealthRoutes(app: FastifyInstance, deps: HealthDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );
  typed.get(
    '/ready',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Ready to serve: migrated, database reachable, enough free disk space, not shutting down',
        response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']), diskFreeMb: z.number().int() }) },
      },
    },
    async () => {
      if (!deps.isReady()) throw new AppError('NOT_READY', 'Portico is starting or shutting down.');
      await deps.database.ping();
      const diskFreeMb = await checkFreeSpace(deps);
      return { status: 'ready' as const, database: deps.database.kind, diskFreeMb };
    },
  );
}
