import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { pageOf, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import { auditEventSchema } from '../../../shared/schemas/notification.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { listAuditEvents } from './audit.service.ts';

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit-events',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['audit'],
        summary: 'The audit events about my own records, newest first',
        querystring: pageQuerySchema,
        response: { 200: pageOf(auditEventSchema) },
      },
    },
    async (request) => listAuditEvents(deps.db, contextOf(request), request.query),
  );
}
