import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/schemas/common.schema.ts';
import { assignJobTechniciansSchema, jobStaffingSchema } from '../../../shared/schemas/technician.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { assignJobTechnicians, readJobStaffing } from './jobs.staffing.ts';

const tags = ['jobs'];

/** One job's technicians and scheduled date (the contractor); the desk's bulk edit does many at once. */
export function registerJobStaffingRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/api/jobs/:id/technicians',
    {
      config: { auth: 'session' },
      schema: { tags, summary: "A job's technicians and scheduled date", params: idParamsSchema, response: { 200: jobStaffingSchema } },
    },
    async (request) => readJobStaffing(deps.db, contextOf(request), request.params.id),
  );

  typed.put(
    '/api/jobs/:id/technicians',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary:
          'Put technicians on a job and set its date (schedules an accepted job); flagged technicians need confirmFlags (else 409 CONFIRMATION_REQUIRED)',
        params: idParamsSchema,
        body: assignJobTechniciansSchema,
        response: { 200: jobStaffingSchema },
      },
    },
    async (request) => assignJobTechnicians(deps.db, contextOf(request), request.params.id, request.body),
  );
}
