import type { FastifyInstance } from 'fastify';
import { badField } from '../lib/errors.ts';

const MAX_DEPTH = 32;

/** A UTF-16 surrogate with no partner: no UTF-8 encodes it, and PostgreSQL's json refuses its escape. */
const loneSurrogate = /\p{Surrogate}/u;

/**
 * What is wrong with a text PostgreSQL cannot store, or undefined: a NUL character (text refuses
 * it) or a lone surrogate (`"\ud800"` in a JSON body: a json column such as the audit record's
 * refuses it, and a text column would silently get U+FFFD instead). Either would end in a 500 or
 * in text other than what was sent.
 */
function flawOf(text: string): string | undefined {
  if (text.includes('\0')) return 'must not contain a null character (\\u0000)';
  if (loneSurrogate.test(text)) return 'must be valid Unicode text (it holds a lone surrogate, \\ud800 to \\udfff)';
  return undefined;
}

/** The path of the first string (key or value) that PostgreSQL cannot store, and why; or undefined. */
export function findUnstorableText(value: unknown, at: string, depth = 0): { path: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = flawOf(value);
    return reason ? { path: at, reason } : undefined;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    const path = `${at}.${key}`;
    const reason = flawOf(key);
    if (reason) return { path, reason };
    const found = findUnstorableText(item, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Refuses the request with 400 naming the field when any string in it is text PostgreSQL cannot store. */
export function refuseUnstorableText(value: unknown, at: string): void {
  const found = findUnstorableText(value, at);
  if (found) throw badField(found.path, found.reason);
}

/** One check at the edge for every route: headers, path parameters, query string and parsed body. */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    refuseUnstorableText(request.headers, 'header');
    refuseUnstorableText(request.params, 'params');
    refuseUnstorableText(request.query, 'query');
    refuseUnstorableText(request.body, 'body');
  });
}
