import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { homeSchema } from '../../../shared/schemas/home.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { readHome } from './home.service.ts';

export function registerHomeRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/home',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['home'],
        summary: 'What needs my attention: counts and the first rows of each list, for the side I act as',
        response: { 200: homeSchema },
      },
    },
    async (request) => readHome(deps.db, contextOf(request)),
  );
}
