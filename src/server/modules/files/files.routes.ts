import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fileSchema } from '../../../shared/schemas/notification.schema.ts';
import { idParamsSchema, idSchema } from '../../../shared/schemas/common.schema.ts';
import type { Db } from '../../db/client.ts';
import { multipartError } from '../../http/multipart.errors.ts';
import { refuseUnstorableText } from '../../http/text-guard.plugin.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { AppError, badField } from '../../lib/errors.ts';
import { ObjectTooLargeError, type Storage } from '../../lib/storage.ts';
import { getFile, openFile, uploadFile } from './files.service.ts';

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function registerFileRoutes(app: FastifyInstance, deps: { db: Db; storage: Storage; maxBytes: number }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['files'];

  typed.post(
    '/api/files',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Upload one file (multipart/form-data, field "file"); the type is detected from the content',
        querystring: z
          .object({
            engagementId: idSchema.optional(),
            /** image-or-pdf: anything else is a 400 and nothing is kept (proofs of payment, invoices). */
            accept: z.enum(['any', 'image-or-pdf']).default('any'),
          })
          .strict(),
        consumes: ['multipart/form-data'],
        response: { 201: fileSchema },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a field named "file".');
      // One byte over the limit reaches storage, which refuses it before anything is kept.
      const part = await request
        .file({ limits: { fileSize: deps.maxBytes + 1, files: 1, fields: 5, fieldSize: 1024 }, throwFileSizeLimit: false })
        .catch((error: unknown) => {
          throw multipartError(error);
        });
      if (part?.fieldname !== 'file') throw badField('file', 'Attach the file in a field named "file".');
      refuseUnstorableText(part.filename, 'file.filename');
      try {
        const saved = await uploadFile(deps.db, deps.storage, contextOf(request), {
          stream: part.file,
          filename: part.filename.slice(0, 255),
          engagementId: request.query.engagementId,
          maxBytes: deps.maxBytes,
          accept: request.query.accept,
        });
        return reply.status(201).send(saved);
      } catch (error) {
        if (error instanceof ObjectTooLargeError)
          throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${formatBytes(deps.maxBytes)}.`);
        throw multipartError(error);
      }
    },
  );

  typed.get(
    '/api/files/:id',
    { config: { auth: 'session' }, schema: { tags, summary: "A file's details", params: idParamsSchema, response: { 200: fileSchema } } },
    async (request) => getFile(deps.db, contextOf(request), request.params.id),
  );

  typed.get(
    '/api/files/:id/download',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Download a file (inline=1 shows images and PDFs in the browser; nothing else is ever inline)',
        params: idParamsSchema,
        querystring: z.object({ inline: z.enum(['0', '1']).optional() }).strict(),
      },
    },
    async (request, reply) => {
      const { file, stream, disposition } = await openFile(
        deps.db,
        deps.storage,
        contextOf(request),
        request.params.id,
        request.query.inline === '1',
      );
      return reply
        .header('content-type', disposition === 'inline' ? file.mime : 'application/octet-stream')
        .header('content-length', String(file.size))
        .header(
          'content-disposition',
          `${disposition}; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        )
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(stream);
    },
  );
}
