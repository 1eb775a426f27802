import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema, pageQuerySchema } from '../../../shared/schemas/common.schema.ts';
import { jobTemplateInputSchema, jobTemplateListSchema, jobTemplateSchema } from '../../../shared/schemas/job.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import { createJobTemplate, deleteJobTemplate, getJobTemplate, listJobTemplates, updateJobTemplate } from './job-templates.service.ts';

const tags = ['job templates'];

export function registerJobTemplateRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };

  typed.get(
    '/api/job-templates',
    {
      config: session,
      schema: {
        tags,
        summary: "The organization's job templates, newest first",
        querystring: pageQuerySchema,
        response: { 200: jobTemplateListSchema },
      },
    },
    async (request) => listJobTemplates(deps.db, contextOf(request), request.query),
  );
  typed.post(
    '/api/job-templates',
    {
      config: session,
      schema: {
        tags,
        summary: 'Create a template: a checklist of service tasks',
        body: jobTemplateInputSchema,
        response: { 201: jobTemplateSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createJobTemplate(deps.db, contextOf(request), request.body)),
  );
  typed.get(
    '/api/job-templates/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: { tags, summary: 'One template with its tasks', params: idParamsSchema, response: { 200: jobTemplateSchema } },
    },
    async (request) => getJobTemplate(deps.db, contextOf(request), request.params.id),
  );
  typed.patch(
    '/api/job-templates/:id',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: "Replace a template's name, description and tasks (jobs keep the tasks they copied)",
        params: idParamsSchema,
        body: jobTemplateInputSchema,
        response: { 200: jobTemplateSchema },
      },
    },
    async (request) => updateJobTemplate(deps.db, contextOf(request), request.params.id, request.body, expectedVersionOf(request)),
  );
  typed.delete(
    '/api/job-templates/:id',
    { config: session, schema: { tags, summary: 'Delete a template', params: idParamsSchema, response: { 200: okSchema } } },
    async (request) => {
      await deleteJobTemplate(deps.db, contextOf(request), request.params.id);
      return { ok: true as const };
    },
  );
}
