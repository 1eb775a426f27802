import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  bulkAcceptSchema,
  bulkEditSchema,
  bulkRejectSchema,
  bulkResultSchema,
  deskListQuerySchema,
  deskListSchema,
  technicianFlagsQuerySchema,
  technicianFlagsSchema,
} from '../../../shared/schemas/job-desk.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { bulkAcceptJobs, bulkEditJobs, bulkRejectJobs } from './jobs.bulk.service.ts';
import { listDeskJobs } from './jobs.desk.queries.ts';
import { deskTechnicianFlags } from './jobs.desk.technicians.ts';

const tags = ['jobs desk'];

/** The contractor's desk view: the jobs table across organizations, and its bulk requests. Contractor members only. */
export function registerJobDeskRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };
  // Bulk writes take an Idempotency-Key: a retried request (a dropped answer) replays the first answer, nothing changes twice.
  const bulk = { auth: 'session' as const, idempotent: true };

  typed.get(
    '/api/desk/jobs',
    {
      config: session,
      schema: {
        tags,
        summary:
          'The jobs table: every job of every organization engaging the contractor; sort on any column (keyset paging), filters, search; the first page counts matches up to 10,000',
        querystring: deskListQuerySchema,
        response: { 200: deskListSchema },
      },
    },
    async (request) => listDeskJobs(deps.db, contextOf(request), request.query),
  );

  typed.post(
    '/api/desk/jobs/technician-flags',
    {
      config: session,
      schema: {
        tags,
        summary: "The contractor's technicians with their accreditation flags for the selected jobs (ids or the table's filter)",
        body: technicianFlagsQuerySchema,
        response: { 200: technicianFlagsSchema },
      },
    },
    async (request) => deskTechnicianFlags(deps.db, contextOf(request), request.body),
  );

  typed.post(
    '/api/desk/jobs/bulk-edit',
    {
      config: bulk,
      schema: {
        tags,
        summary:
          'Assign technicians and/or set a scheduled date on many jobs in one transaction; each refused job with its reason; flagged technicians need confirmFlagged',
        body: bulkEditSchema,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => bulkEditJobs(deps.db, contextOf(request), request.body),
  );

  typed.post(
    '/api/desk/jobs/bulk-accept',
    {
      config: bulk,
      schema: {
        tags,
        summary: 'Accept many assigned jobs, with a target date',
        body: bulkAcceptSchema,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => bulkAcceptJobs(deps.db, contextOf(request), request.body),
  );

  typed.post(
    '/api/desk/jobs/bulk-reject',
    {
      config: bulk,
      schema: { tags, summary: 'Reject many assigned jobs with a reason', body: bulkRejectSchema, response: { 200: bulkResultSchema } },
    },
    async (request) => bulkRejectJobs(deps.db, contextOf(request), request.body),
  );
}
