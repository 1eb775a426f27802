import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateTimeSchema } from '../../../shared/schemas/money.schema.ts';
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
        querystring: z
          .object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: dateTimeSchema.optional() })
          .strict(),
        response: { 200: z.object({ items: z.array(auditEventSchema), nextBefore: z.string().nullable() }) },
      },
    },
    async (request) => listAuditEvents(deps.db, contextOf(request), request.query),
  );
}
