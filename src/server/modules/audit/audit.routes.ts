import { and, desc, eq, lt } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEventSchema } from '../../../shared/schemas/notification.schema.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db } from '../../db/client.ts';
import { auditEvents, users } from '../../db/schema/index.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit-events',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['audit'],
        summary: 'The audit events about my own records, newest first',
        querystring: z
          .object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.string().datetime().optional() })
          .strict(),
        response: { 200: z.object({ items: z.array(auditEventSchema), nextBefore: z.string().nullable() }) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const rows = await deps.db
        .select({ event: auditEvents, actorName: users.name })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(and(scopes.auditEvents(ctx.actor), request.query.before ? lt(auditEvents.createdAt, new Date(request.query.before)) : undefined))
        .orderBy(desc(auditEvents.createdAt), desc(auditEvents.seq))
        .limit(request.query.limit);
      const last = rows.at(-1);
      return {
        items: rows.map(({ event, actorName }) => ({
          id: event.id,
          seq: event.seq,
          action: event.action,
          entityType: event.entityType,
          entityId: event.entityId,
          actorName,
          before: event.before,
          after: event.after,
          createdAt: event.createdAt.toISOString(),
        })),
        nextBefore: rows.length === request.query.limit && last ? last.event.createdAt.toISOString() : null,
      };
    },
  );
}
