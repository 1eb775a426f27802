import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '../../shared/error-codes.ts';
import { AppError, findPgCode } from '../lib/errors.ts';

function problem(status: number, code: Problem['code'], detail: string, requestId: string, details?: Problem['details']): Problem {
  return { type: `https://portico.dev/problems/${code.toLowerCase()}`, title: code, status, code, detail, requestId, details };
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
/** PostgreSQL's disk_full class; PGlite and older servers sometimes only say so in the message. */
const DISK_FULL = '53100';
const diskFullMessage = /no space left on device|could not extend file|ENOSPC/i;

/** True when the error (or one it wraps) says the disk is full: ENOSPC from a write, or PostgreSQL's disk_full. */
export function isStorageFull(error: unknown): boolean {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current.code === 'ENOSPC' || current.code === DISK_FULL) return true;
    if (typeof current.message === 'string' && diskFullMessage.test(current.message)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

/** One error handler: AppError, validation, unique violations → problem+json; the rest → a bare 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (body: Problem, headers: Record<string, string> = {}) =>
      reply.status(body.status).headers(headers).type('application/problem+json').send(body);

    if (error instanceof AppError) return send(problem(error.status, error.code, error.message, request.id, error.details), error.headers);

    if (hasZodFastifySchemaValidationErrors(error)) {
      const fieldErrors = error.validation.map((issue) => {
        const params = issue.params as { issue?: { path?: PropertyKey[]; message?: string } };
        const where = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const context = error.validationContext ?? 'body';
        return { path: where ? `${context}.${where}` : context, message: params.issue?.message ?? issue.message ?? 'is invalid' };
      });
      const first = fieldErrors[0];
      return send(
        problem(400, 'VALIDATION_FAILED', first ? `${first.path}: ${first.message}` : 'The request is invalid.', request.id, {
          fieldErrors,
        }),
      );
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return send(problem(400, 'BAD_REQUEST', 'The request body is not valid JSON.', request.id));
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.statusCode === 413)
      return send(problem(413, 'PAYLOAD_TOO_LARGE', 'The request is larger than allowed.', request.id));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415)
      return send(problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'This content type is not accepted here.', request.id));

    if (isStorageFull(error)) {
      request.log.error({ err: error }, 'disk full');
      return send(
        problem(
          507,
          'STORAGE_FULL',
          'The server has run out of disk space, so nothing was saved. Try again once space is freed.',
          request.id,
        ),
      );
    }
    const pgCode = findPgCode(error);
    if (pgCode === UNIQUE_VIOLATION) return send(problem(409, 'ALREADY_EXISTS', 'This already exists.', request.id));
    if (pgCode === FOREIGN_KEY_VIOLATION)
      return send(problem(409, 'CONFLICT', 'This refers to something that does not exist or is still in use.', request.id));

    if (!isResponseSerializationError(error) && error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = error.statusCode === 404 ? 'NOT_FOUND' : error.statusCode === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
      return send(problem(error.statusCode, code, error.statusCode === 404 ? 'Not found.' : 'The request is invalid.', request.id));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(
      problem(500, 'INTERNAL', `Something went wrong on our side. Quote request id ${request.id} when reporting it.`, request.id),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .status(404)
      .type('application/problem+json')
      .send(problem(404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`, request.id));
  });
}
