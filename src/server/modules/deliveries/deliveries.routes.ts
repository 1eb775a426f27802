import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/schemas/common.schema.ts';
import { emailDeliveryPageSchema, emailDeliveryQuerySchema, emailDeliverySchema } from '../../../shared/schemas/notification.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { listEmailDeliveries, resendEmail } from './deliveries.service.ts';

/** The delivery page of an organization's owners and admins: emails that failed or still wait, and "resend". */
export function registerDeliveryRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/organizations/current/emails',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['deliveries'],
        summary: "Email delivery: the organization's emails that failed or still wait to go out (owners and admins)",
        querystring: emailDeliveryQuerySchema,
        response: { 200: emailDeliveryPageSchema },
      },
    },
    async (request) => listEmailDeliveries(deps.db, contextOf(request), request.query),
  );

  typed.post(
    '/api/emails/:id/resend',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['deliveries'],
        summary: 'Send a failed or waiting email again now (owners and admins); 409 once it was sent',
        params: idParamsSchema,
        response: { 200: emailDeliverySchema },
      },
    },
    async (request) => resendEmail(deps.db, contextOf(request), request.params.id),
  );
}
