import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/schemas/common.schema.ts';
import { engagementListQuerySchema, engagementSchema } from '../../../shared/schemas/organization.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { changeEngagementStatus, getEngagement, listEngagements } from './engagements.service.ts';

export function registerEngagementRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['engagements'];

  typed.get(
    '/api/engagements',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary:
          "Staff: the organization's contractors. Contractor members: the organizations that engage them. Newest first, a page at a time",
        querystring: engagementListQuerySchema,
        response: { 200: pageOf(engagementSchema) },
      },
    },
    async (request) => listEngagements(deps.db, contextOf(request), request.query),
  );

  typed.get(
    '/api/engagements/:id',
    {
      config: { auth: 'session' },
      schema: { tags, summary: 'One engagement', params: idParamsSchema, response: { 200: engagementSchema } },
    },
    async (request) => getEngagement(deps.db, contextOf(request), request.params.id),
  );

  for (const event of ['end', 'reactivate'] as const) {
    typed.post(
      `/api/engagements/:id/${event}`,
      {
        config: { auth: 'session' },
        schema: {
          tags,
          summary: event === 'end' ? 'End an engagement (the contractor keeps read access)' : 'Reactivate an ended engagement',
          params: idParamsSchema,
          response: { 200: engagementSchema },
        },
      },
      async (request) => changeEngagementStatus(deps.db, contextOf(request), request.params.id, event),
    );
  }
}
