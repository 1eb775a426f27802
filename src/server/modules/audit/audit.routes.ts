import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import { auditEventSchema } from '../../../shared/schemas/notification.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { chainFor } from '../../audit/audit.chain.ts';
import { listAuditEvents } from './audit.service.ts';
import { readChainHead } from './audit.verify.ts';

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

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit-events/head',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['audit'],
        summary: "The head of my side's audit chain (last sequence number and hash), to compare with `portico audit verify`",
        response: {
          200: z.object({ head: z.object({ chain: z.string(), seq: z.number().int(), hash: z.string() }).nullable() }),
        },
      },
    },
    async (request) => {
      // The chain the actor may read events of: staff their organization's, contractor members their contractor's.
      const { actor } = contextOf(request);
      if (actor.kind === 'staff') return { head: await readChainHead(deps.db, chainFor(actor.organizationId, null)) };
      if (actor.kind === 'contractor') return { head: await readChainHead(deps.db, chainFor(null, actor.contractorId)) };
      return { head: null };
    },
  );
}
