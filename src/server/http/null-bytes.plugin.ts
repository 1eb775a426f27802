import type { FastifyInstance } from 'fastify';
import { badField } from '../lib/errors.ts';

const MAX_DEPTH = 32;

/**
 * The path of the first string holding a NUL character (PostgreSQL cannot store one in text,
 * so it would surface as a 500), or undefined. Keys are checked as well as values.
 */
export function findNullByte(value: unknown, at: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? at : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH || Buffer.isBuffer(value)) return undefined;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    const path = `${at}.${key}`;
    if (key.includes('\0')) return path;
    const found = findNullByte(item, path, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Refuses the request with 400 naming the field when any string in it holds a NUL character. */
export function refuseNullBytes(value: unknown, at: string): void {
  const path = findNullByte(value, at);
  if (path) throw badField(path, 'must not contain a null character (\\u0000)');
}

/** One check at the edge for every route: headers, path parameters, query string and parsed body. */
export function registerNullByteGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    refuseNullBytes(request.headers, 'header');
    refuseNullBytes(request.params, 'params');
    refuseNullBytes(request.query, 'query');
    refuseNullBytes(request.body, 'body');
  });
}
