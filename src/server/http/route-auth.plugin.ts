import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { twoFactorSensitiveRoles } from '../../shared/domain/roles.ts';
import type { RequestContext } from '../access/actor.ts';
import { chooseMembership, type LoadedMembership, loadMemberships } from '../access/memberships.ts';
import {
  attachSessionCache,
  type CachedSession,
  hashSessionCookie,
  type InvalidationScope,
  pollInvalidations,
  SessionCache,
} from '../access/sessions.cache.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../lib/errors.ts';
import type { Auth } from '../modules/auth/auth.better.ts';

export type AuthMode = 'public' | 'session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route says who may call it; the server refuses to start when one does not. */
    auth?: AuthMode;
    /** Session routes that stay open while two-factor enrolment is still required. */
    allowBeforeTwoFactor?: boolean;
  }
  interface FastifyRequest {
    ctx: RequestContext | null;
    /** Every membership of the signed-in user (session routes). */
    memberships: LoadedMembership[];
    twoFactorPending: boolean;
  }
  interface FastifyInstance {
    porticoRoutes: Array<{ method: string; url: string; auth: AuthMode | undefined }>;
    /** The session of a long-lived request (an event stream), checked again: its memberships now, or null once it has ended. */
    recheckSession(request: FastifyRequest): Promise<LoadedMembership[] | null>;
    /** Hears whenever cached sessions go stale (here or in another process); returns a function that stops it. */
    onSessionsDropped(listener: (scope: InvalidationScope | 'all') => void): () => void;
  }
}

export const CONTEXT_HEADER = 'x-portico-context';

export function toHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, String(value));
  }
  headers.set('x-portico-client-ip', request.ip);
  return headers;
}

/**
 * Fail closed: collects every route with its declared auth mode, refuses to start when one has
 * none, and derives the request's actor for session routes.
 */
interface RouteAuthDeps {
  db: Db;
  auth: Auth;
  sessionMaxDays: number;
}

export function registerRouteAuth(app: FastifyInstance, deps: RouteAuthDeps): void {
  const routes: Array<{ method: string; url: string; options: RouteOptions }> = [];
  app.decorate('porticoRoutes', []);
  app.decorateRequest('ctx', null);
  app.decorateRequest('twoFactorPending', false);
  app.decorateRequest('memberships', null as unknown as LoadedMembership[]);

  app.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: options.url, options });
  });

  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => !r.options.config?.auth);
    if (undeclared.length > 0) throw new Error(`Routes without an auth mode: ${undeclared.map((r) => `${r.method} ${r.url}`).join(', ')}`);
    app.porticoRoutes.push(...routes.map((r) => ({ method: r.method, url: r.url, auth: r.options.config?.auth })));
  });

  const cache = new SessionCache();
  attachSessionCache(deps.db, cache);
  let stopPolling = () => {};
  app.addHook('onReady', async () => {
    stopPolling = await pollInvalidations(deps.db, cache);
  });
  app.addHook('onClose', async () => stopPolling());
  app.decorate('onSessionsDropped', (listener: (scope: InvalidationScope | 'all') => void) => cache.onDrop(listener));
  app.decorate('recheckSession', async (request: FastifyRequest) => {
    const cookie = readSessionCookie(request.headers.cookie);
    if (!cookie) return null;
    const key = hashSessionCookie(cookie);
    const cached = cache.get(key);
    if (cached && Date.now() - cached.createdAtMs <= deps.sessionMaxDays * 86_400_000) return cached.memberships;
    const generation = cache.generation;
    try {
      const session = await resolveSession(request, null, deps);
      cache.set(key, session, generation);
      return session.memberships;
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNAUTHENTICATED') return null;
      throw error;
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const config = request.routeOptions.config;
    if (config.auth !== 'session') return;
    const cookie = readSessionCookie(request.headers.cookie);
    const key = cookie ? hashSessionCookie(cookie) : undefined;
    let session = key ? cache.get(key) : undefined;
    if (!session || Date.now() - session.createdAtMs > deps.sessionMaxDays * 86_400_000) {
      const generation = cache.generation;
      session = await resolveSession(request, reply, deps);
      if (key) cache.set(key, session, generation);
    }
    const header = request.headers[CONTEXT_HEADER];
    const chosen = chooseMembership(session.memberships, typeof header === 'string' ? header : undefined);
    const user = session.user;
    request.memberships = session.memberships;
    request.ctx = {
      actor: chosen?.actor ?? { kind: 'none', userId: user.id },
      user,
      sessionId: session.sessionId,
      requestId: request.id,
      ip: request.ip,
    };
    const actor = chosen?.actor;
    request.twoFactorPending = Boolean(
      chosen?.requireTwoFactor && actor?.kind === 'staff' && twoFactorSensitiveRoles.includes(actor.role) && !user.twoFactorEnabled,
    );
    if (request.twoFactorPending && !config.allowBeforeTwoFactor)
      throw new AppError('TWO_FACTOR_REQUIRED', 'Your organization requires two-factor sign-in. Set it up under Security first.');
  });
}

/** The value of the session cookie (`portico.session_token` or `__Host-portico.session_token`), if any. */
function readSessionCookie(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim().endsWith('.session_token')) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The cold path: better-auth checks the session (and slides its expiry), then the memberships load in one statement. */
async function resolveSession(request: FastifyRequest, reply: FastifyReply | null, deps: RouteAuthDeps): Promise<CachedSession> {
  const headers = toHeaders(request);
  const result = await deps.auth.api.getSession({ headers, returnHeaders: true });
  const found = result.response;
  if (!found) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  if (reply) for (const cookie of result.headers.getSetCookie()) reply.header('set-cookie', cookie);
  const createdAtMs = new Date(found.session.createdAt).getTime();
  if (Date.now() - createdAtMs > deps.sessionMaxDays * 86_400_000) {
    await deps.auth.api.revokeSession({ body: { token: found.session.token }, headers });
    throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
  }
  return {
    sessionId: found.session.id,
    createdAtMs,
    expiresAtMs: new Date(found.session.expiresAt).getTime(),
    user: {
      id: found.user.id,
      name: found.user.name,
      email: found.user.email,
      twoFactorEnabled: Boolean((found.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled),
    },
    memberships: await loadMemberships(deps.db, found.user.id),
    loadedAtMs: Date.now(),
  };
}

/** The context of a session route; its absence is a programming error (route declared public). */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.ctx;
}
