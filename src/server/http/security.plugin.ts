import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Security headers on every response, and the Origin check on every state-changing request. */
export function registerSecurity(app: FastifyInstance, options: { trustedOrigins: string[]; secure: boolean }): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!unsafeMethods.has(request.method)) return;
    const origin = request.headers.origin;
    const hasCookie = typeof request.headers.cookie === 'string' && request.headers.cookie.length > 0;
    if (origin === undefined && !hasCookie) return;
    if (!origin || !options.trustedOrigins.includes(origin))
      throw new AppError('FORBIDDEN', 'This request did not come from Portico itself (the Origin header does not match).');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(self)');
    if (!request.url.startsWith('/api/docs') && !reply.hasHeader('content-security-policy'))
      reply.header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
      );
    if (options.secure) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
