import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import { claimIdempotencyKey, type KeyRow, readIdempotencyKey, releaseIdempotencyKey, storeIdempotentAnswer } from './idempotency.store.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route accepts an `Idempotency-Key` header: a retry with the same key and request
     * replays the first answer (status and body); the same key with another request is a 422.
     */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyOptions {
  db: Db;
  /** How long a retry waits for a first request with the same key that is still running. */
  waitMs?: number;
  now?: () => Date;
}

/** Keys of objects sorted at every depth: the same body in another key order hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

function requestHashOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

function replay(reply: FastifyReply, row: KeyRow): FastifyReply {
  reply.code(row.statusCode ?? 200).header('idempotent-replayed', 'true');
  if (row.contentType) reply.header('content-type', row.contentType);
  return reply.send(row.responseBody === null ? '' : JSON.stringify(row.responseBody));
}

function reused(): AppError {
  return new AppError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  );
}

/**
 * `config: { idempotent: true }` on a session route makes it take an `Idempotency-Key` header
 * (optional: without one the route runs as usual). The key is claimed with one insert on the
 * unique (user, key); a concurrent request with the same key waits, polling, for the first
 * answer and replays it. Answers below 500 are kept for 24 hours (the sweep job forgets them);
 * a 5xx releases the key so a retry runs again.
 */
export function registerIdempotency(app: FastifyInstance, options: IdempotencyOptions): void {
  const waitMs = options.waitMs ?? 30_000;
  const now = options.now ?? (() => new Date());
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    if (!request.routeOptions.config.idempotent) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!KEY_PATTERN.test(key))
      throw new AppError('VALIDATION_FAILED', 'Idempotency-Key: 1 to 255 visible ASCII characters.', {
        fieldErrors: [{ path: 'Idempotency-Key', message: '1 to 255 visible ASCII characters.' }],
      });
    const userId = request.ctx?.user.id;
    if (!userId) return;
    const requestHash = requestHashOf(request);
    const route = `${request.method} ${request.routeOptions.url}`;
    const deadline = Date.now() + waitMs;
    let pause = 20;
    for (;;) {
      if (await claimIdempotencyKey(options.db, { userId, key, route, requestHash, now: now() })) {
        request.idempotency = { userId, key };
        return;
      }
      const row = await readIdempotencyKey(options.db, userId, key);
      if (row) {
        if (row.requestHash !== requestHash || row.route !== route) throw reused();
        if (row.statusCode !== null) return replay(reply, row);
      }
      if (Date.now() > deadline)
        throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is still running; retry in a moment.');
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 250);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const owned = request.idempotency;
    if (!owned) return payload;
    request.idempotency = null;
    if (reply.statusCode >= 500) {
      await releaseIdempotencyKey(options.db, owned.userId, owned.key);
      return payload;
    }
    let body: unknown = null;
    if (typeof payload === 'string' && payload.length > 0) {
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
    }
    const contentType = reply.getHeader('content-type');
    await storeIdempotentAnswer(options.db, {
      ...owned,
      statusCode: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body,
    });
    return payload;
  });
}

/** What the routes' Zod schemas cannot say in the OpenAPI document: the optional Idempotency-Key header. */
export function documentIdempotency<S extends Record<string, unknown>>(schema: S, idempotent: boolean | undefined): S {
  if (!idempotent) return schema;
  const headers = (schema.headers as { type?: string; properties?: Record<string, unknown>; required?: string[] } | undefined) ?? {
    type: 'object',
    properties: {},
  };
  return {
    ...schema,
    headers: {
      ...headers,
      type: 'object',
      properties: {
        ...(headers.properties ?? {}),
        'idempotency-key': {
          type: 'string',
          maxLength: 255,
          description:
            'Optional. A retry with the same key and the same request replays the first answer (for 24 hours); the same key with another request is a 422.',
        },
      },
    },
  };
}
