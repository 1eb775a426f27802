import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: { database: Database; isReady: () => boolean }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/health',
    { config: { auth: 'public' }, schema: { tags: ['health'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  typed.get(
    '/ready',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Ready to serve: migrated, database reachable, not shutting down',
        response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      if (!deps.isReady()) throw new AppError('NOT_READY', 'Portico is starting or shutting down.');
      await deps.database.ping();
      return { status: 'ready' as const, database: deps.database.kind };
    },
  );
}
