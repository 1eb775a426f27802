import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/schemas/common.schema.ts';
import {
  addJobDocumentsSchema,
  createJobSchema,
  jobDetailSchema,
  jobImportResultSchema,
  jobListQuerySchema,
  jobRoleAbilitiesSchema,
  jobSchema,
  updateJobSchema,
} from '../../../shared/schemas/job.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { multipartError } from '../../http/multipart.errors.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import { AppError, badField } from '../../lib/errors.ts';
import { JOB_IMPORT_MAX_BYTES } from './jobs.csv.ts';
import { exportJobsCsv } from './jobs.export.ts';
import { importJobsCsv } from './jobs.import.ts';
import { getJob, listJobs } from './jobs.queries.ts';
import { addJobDocuments, createJob, updateJob } from './jobs.service.ts';

const tags = ['jobs'];

/** Reads the uploaded CSV (field "file") as text, refusing more than the import's byte limit with 413. */
async function readCsvUpload(request: FastifyRequest): Promise<string> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the CSV as multipart/form-data in a field named "file".');
  const part = await request
    .file({ limits: { fileSize: JOB_IMPORT_MAX_BYTES, files: 1, fields: 2, fieldSize: 64 }, throwFileSizeLimit: false })
    .catch((error: unknown) => {
      throw multipartError(error);
    });
  if (part?.fieldname !== 'file') throw badField('file', 'Attach the CSV in a field named "file".');
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of part.file) chunks.push(chunk as Buffer);
  } catch (error) {
    throw multipartError(error);
  }
  if (part.file.truncated)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The CSV is larger than ${JOB_IMPORT_MAX_BYTES / 1024 / 1024} MB; split it. Nothing was imported.`,
    );
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.includes('\0')) throw badField('file', 'The file is not text (it contains null bytes).');
  return text;
}

export function registerJobRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };

  typed.get(
    '/api/jobs',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Jobs the caller sees (the company's, the contractor's from every organization, a technician's assigned ones), by due date or newest",
        querystring: jobListQuerySchema,
        response: { 200: z.object({ items: z.array(jobSchema), nextCursor: z.string().nullable(), abilities: jobRoleAbilitiesSchema }) },
      },
    },
    async (request) => listJobs(deps.db, contextOf(request), request.query),
  );

  typed.get(
    '/api/jobs/export',
    {
      config: session,
      schema: {
        tags,
        summary: 'The filtered jobs as CSV (cells that look like formulas are neutralised)',
        querystring: jobListQuerySchema.omit({ cursor: true, limit: true, sort: true }),
        produces: ['text/csv'],
      },
    },
    async (request, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="jobs.csv"')
        .send(exportJobsCsv(deps.db, contextOf(request), request.query)),
  );

  typed.post(
    '/api/jobs/import',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Import jobs from CSV (multipart, field "file"): mode=preview lists every refused row and why, writing nothing; mode=import writes the accepted rows in one transaction',
        querystring: z.object({ mode: z.enum(['preview', 'import']).default('preview') }).strict(),
        consumes: ['multipart/form-data'],
        response: { 200: jobImportResultSchema },
      },
    },
    async (request) => importJobsCsv(deps.db, contextOf(request), await readCsvUpload(request), request.query.mode),
  );

  typed.post(
    '/api/jobs',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Create a job on an active engagement: assigned to its contractor (told by email), tasks from a template, the company's documents",
        body: createJobSchema,
        response: { 201: jobDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createJob(deps.db, contextOf(request), request.body)),
  );

  typed.get(
    '/api/jobs/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'One job: summary, documents, service tasks, technicians, history',
        params: idParamsSchema,
        response: { 200: jobDetailSchema },
      },
    },
    async (request) => getJob(deps.db, contextOf(request), request.params.id),
  );

  typed.patch(
    '/api/jobs/:id',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: "Edit a job's details (company, until it is performed)",
        params: idParamsSchema,
        body: updateJobSchema,
        response: { 200: jobDetailSchema },
      },
    },
    async (request) => updateJob(deps.db, contextOf(request), request.params.id, request.body, expectedVersionOf(request)),
  );

  typed.post(
    '/api/jobs/:id/documents',
    {
      config: session,
      schema: {
        tags,
        summary: "Add the company's documents for the contractor (files uploaded with ?engagementId=…)",
        params: idParamsSchema,
        body: addJobDocumentsSchema,
        response: { 200: jobDetailSchema },
      },
    },
    async (request) => addJobDocuments(deps.db, contextOf(request), request.params.id, request.body.fileIds),
  );
}
