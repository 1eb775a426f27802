import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, okSchema } from '../../../shared/schemas/common.schema.ts';
import {
  attachPhotoSchema,
  jobPhotoParamsSchema,
  onSiteSchema,
  performSchema,
  photoParamsSchema,
  preferencesSchema,
  putMobileSchema,
  putSavedSignatureSchema,
  siteRevisitSchema,
  sitePhotoSchema,
  siteSheetSchema,
  siteTaskSchema,
  taskAnswerSchema,
  taskParamsSchema,
} from '../../../shared/schemas/site-work.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { notFound } from '../../lib/errors.ts';
import type { Storage } from '../../lib/storage.ts';
import { openJobReport, performWork } from './site-work.perform.ts';
import { deleteSavedSignature, getPreferences, putMobile, putSavedSignature } from './site-work.preferences.ts';
import { getSiteSheet, readJobPhoto } from './site-work.queries.ts';
import { answerTask, attachPhoto, goOnSite, removePhoto, requireSiteRevisit } from './site-work.service.ts';

const tags = ['site work'];
/** Every write here may come from a phone's offline queue: an Idempotency-Key makes a replay answer the first result. */
const write = { auth: 'session' as const, idempotent: true };
const read = { auth: 'session' as const };

/** A file for the browser: its type, length and name, never run as a page. */
function sendFile(reply: FastifyReply, file: { name: string; mime: string; size: number }, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header(
      'content-disposition',
      `${disposition}; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    )
    .header('cache-control', 'private, max-age=3600')
    .header('content-security-policy', "default-src 'none'; sandbox");
}

/**
 * The technician on site (issue 10): the job as worked on site, "I'm on site", "Revisit required",
 * task answers and photos, "I've performed this work" with signatures, the job report, and the
 * person's preferences. The technician of the job and the contractor's members (the desk) do the
 * same; the company reads.
 */
export function registerSiteWorkRoutes(app: FastifyInstance, deps: { db: Db; storage: Storage }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { db, storage } = deps;

  typed.get(
    '/api/jobs/:id/site',
    {
      config: read,
      schema: {
        tags,
        summary: 'The job as worked on site: tasks with answers, defects and photos, visits, the sign-off, what is missing, abilities',
        params: idParamsSchema,
        response: { 200: siteSheetSchema },
      },
    },
    async (request) => getSiteSheet(db, contextOf(request), request.params.id),
  );

  typed.post(
    '/api/jobs/:id/on-site',
    {
      config: write,
      schema: {
        tags,
        summary:
          '"I\'m on site": scheduled or revisit → in_progress; the time and, if allowed, the location (technician of the job, or contractor)',
        params: idParamsSchema,
        body: onSiteSchema,
        response: { 200: siteSheetSchema },
      },
    },
    async (request) => goOnSite(db, contextOf(request), request.params.id, request.body),
  );

  typed.post(
    '/api/jobs/:id/revisit',
    {
      config: write,
      schema: {
        tags,
        summary: '"Revisit required" with the reason: in_progress → revisit (technician of the job, or contractor)',
        params: idParamsSchema,
        body: siteRevisitSchema,
        response: { 200: siteSheetSchema },
      },
    },
    async (request) => requireSiteRevisit(db, contextOf(request), request.params.id, request.body),
  );

  typed.put(
    '/api/jobs/:id/tasks/:taskId/answer',
    {
      config: write,
      schema: {
        tags,
        summary: "A service task's answer: result, defects, remarks, replaced at once (while the job is in progress)",
        params: taskParamsSchema,
        body: taskAnswerSchema,
        response: { 200: siteTaskSchema },
      },
    },
    async (request) => answerTask(db, contextOf(request), request.params.id, request.params.taskId, request.body),
  );

  typed.get(
    '/api/jobs/:id/tasks/:taskId/photos',
    {
      config: read,
      schema: {
        tags,
        summary: "A task's photos (at most 20 per task), oldest first",
        params: taskParamsSchema,
        response: { 200: z.object({ items: z.array(sitePhotoSchema) }) },
      },
    },
    async (request) => {
      const sheet = await getSiteSheet(db, contextOf(request), request.params.id);
      const task = sheet.tasks.find((t) => t.id === request.params.taskId);
      if (!task) throw notFound('This task');
      return { items: task.photoList };
    },
  );

  typed.post(
    '/api/jobs/:id/tasks/:taskId/photos',
    {
      config: write,
      schema: {
        tags,
        summary: 'Attach a photo uploaded with POST /api/files (JPEG, PNG, WebP or HEIC, by its bytes) to a task',
        params: taskParamsSchema,
        body: attachPhotoSchema,
        response: { 201: sitePhotoSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await attachPhoto(db, contextOf(request), request.params.id, request.params.taskId, request.body)),
  );

  typed.delete(
    '/api/jobs/:id/tasks/:taskId/photos/:photoId',
    {
      config: write,
      schema: {
        tags,
        summary: 'Remove a photo from a task (while the job is in progress)',
        params: photoParamsSchema,
        response: { 200: okSchema },
      },
    },
    async (request) => removePhoto(db, contextOf(request), request.params.id, request.params.taskId, request.params.photoId),
  );

  typed.get(
    '/api/jobs/:id/photos/:photoId',
    {
      config: read,
      schema: { tags, summary: "A photo of one of the job's tasks (inline image)", params: jobPhotoParamsSchema },
    },
    async (request, reply) => {
      const file = await readJobPhoto(db, contextOf(request), request.params.id, request.params.photoId);
      return sendFile(reply, file, 'inline').send(storage.read(file.sha256));
    },
  );

  typed.post(
    '/api/jobs/:id/performed',
    {
      config: write,
      // Two signatures of up to 1 MB each, base64: the route reads up to 4 MB so an oversized one gets its 400.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "\"I've performed this work\": notes, the technician's signature (PNG ≤ 1 MB), optionally the site contact's → performed_need_docs; the job report is attached",
        params: idParamsSchema,
        body: performSchema,
        response: { 200: siteSheetSchema },
      },
    },
    async (request) => performWork(db, storage, contextOf(request), request.params.id, request.body),
  );

  typed.get(
    '/api/jobs/:id/report',
    {
      config: read,
      schema: {
        tags,
        summary: 'The job report (PDF) of a performed job: both parties and the technicians of the job',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const { file, stream } = await openJobReport(db, storage, contextOf(request), request.params.id);
      return sendFile(reply, file, 'attachment').send(stream);
    },
  );

  typed.get(
    '/api/preferences',
    {
      config: read,
      schema: {
        tags,
        summary: "The caller's mobile number and saved signature (contractor members and technicians)",
        response: { 200: preferencesSchema },
      },
    },
    async (request) => getPreferences(db, storage, contextOf(request)),
  );

  typed.put(
    '/api/preferences/mobile',
    {
      config: write,
      schema: {
        tags,
        summary: "Set or clear (null) the caller's mobile number",
        body: putMobileSchema,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => putMobile(db, storage, contextOf(request), request.body.mobile),
  );

  typed.put(
    '/api/preferences/signature',
    {
      config: write,
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: "Save the caller's signature (PNG ≤ 1 MB, base64): offered when signing, never applied by itself",
        body: putSavedSignatureSchema,
        response: { 200: preferencesSchema },
      },
    },
    async (request) => putSavedSignature(db, storage, contextOf(request), request.body.signaturePng),
  );

  typed.delete(
    '/api/preferences/signature',
    { config: write, schema: { tags, summary: "Forget the caller's saved signature", response: { 200: preferencesSchema } } },
    async (request) => deleteSavedSignature(db, storage, contextOf(request)),
  );
}
