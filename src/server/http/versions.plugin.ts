import type { FastifyInstance, FastifyRequest } from 'fastify';
import { etagOf } from '../../shared/domain/version.ts';
import { type ExpectedVersion, parseIfMatch } from '../lib/versions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route that answers one versioned record (`version` in the body): `read` sends its ETag;
     * `edit` also takes If-Match (required) and answers 412 when stale, 428 when missing.
     */
    versioned?: 'read' | 'edit';
  }
}

/** Every versioned route's 200 answer carries `ETag: "<version>"`, taken from the body it sends. */
export function registerVersionHeaders(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (!request.routeOptions.config.versioned || reply.statusCode !== 200) return payload;
    const version = (payload as { version?: unknown } | null)?.version;
    if (typeof version === 'number') reply.header('etag', etagOf(version));
    return payload;
  });
}

/** What the edit expects: the If-Match header, parsed (400 when it is not one of our ETags). */
export function expectedVersionOf(request: FastifyRequest): ExpectedVersion {
  return parseIfMatch(request.headers['if-match']);
}

const problemSchema = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    requestId: { type: 'string' },
    details: { type: 'object', properties: { currentVersion: { type: 'integer' } } },
  },
  required: ['type', 'title', 'status', 'code', 'detail'],
};

type OpenApiSchema = { headers?: unknown; response?: Record<string, Record<string, unknown>> } & Record<string, unknown>;

/** Adds what the routes' Zod schemas cannot say to the OpenAPI document: ETag out, If-Match in, 412 and 428. */
export function documentVersioning<S extends OpenApiSchema>(schema: S, versioned: 'read' | 'edit' | undefined): S {
  if (!versioned) return schema;
  const response = { ...(schema.response ?? {}) };
  const ok = response['200'];
  if (ok)
    response['200'] = {
      ...ok,
      headers: {
        etag: { type: 'string', description: 'The version of the record as `"<version>"`; send it back in If-Match to edit it.' },
      },
    };
  if (versioned === 'read') return { ...schema, response };
  return {
    ...schema,
    headers: {
      type: 'object',
      properties: {
        'if-match': {
          type: 'string',
          description:
            'Required: the ETag of the record as you read it (`"<version>"`; `W/"<version>"` is taken too, `*` overwrites whatever is current). A stale one answers 412.',
        },
      },
      required: ['if-match'],
    },
    response: {
      ...response,
      '412': {
        description:
          'STALE_VERSION: someone saved the record after you read it; `details.currentVersion` and the ETag header say which version is current. Reload and re-apply.',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
      '428': {
        description: 'PRECONDITION_REQUIRED: If-Match was not sent.',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    },
  };
}
