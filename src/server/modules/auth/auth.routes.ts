import { and, eq, isNotNull } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { findPasswordProblem } from '../../../shared/domain/password.rules.ts';
import { magicLinkRedeemSchema, meSchema } from '../../../shared/schemas/session.schema.ts';
import { okSchema } from '../../../shared/schemas/common.schema.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { AppError, badField } from '../../lib/errors.ts';
import { refuseUnstorableText } from '../../http/text-guard.plugin.ts';
import { CONTEXT_HEADER, contextOf, toHeaders } from '../../http/route-auth.plugin.ts';
import type { Auth } from './auth.better.ts';
import { guardAuthRequest, guardTokenAttempt, recordAuthResponse, recordTokenFailure } from './auth.limits.ts';
import { auditSignIn } from './auth.service.ts';

interface AuthDeps {
  db: Db;
  auth: Auth;
  publicUrl: string;
}

/** Paths of better-auth that this portal does not expose. */
const closedPaths = new Set(['/sign-up/email', '/magic-link/verify', '/delete-user', '/update-user', '/change-email']);

function parseBody(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON.');
  }
  refuseUnstorableText(value, 'body');
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The session token lives in the httpOnly cookie only; better-auth also puts it in sign-in bodies. */
function hideSessionToken(path: string, text: string): string {
  if (!path.startsWith('/sign-in/') && !path.startsWith('/two-factor/verify')) return text;
  try {
    const value = JSON.parse(text);
    if (value && typeof value === 'object' && 'token' in value) {
      delete value.token;
      return JSON.stringify(value);
    }
  } catch {
    // not JSON: pass through
  }
  return text;
}

function forward(reply: FastifyReply, response: Response, body: string) {
  reply.status(response.status);
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
  });
  for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
  return reply.send(body);
}

export async function registerAuthRoutes(app: FastifyInstance, deps: AuthDeps): Promise<void> {
  // better-auth, behind a catch-all that keeps the raw body and adds rate limits and audit.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => done(null, body));
    scope.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      config: { auth: 'public' },
      schema: { hide: true },
      handler: async (request, reply) => {
        const url = new URL(request.url, deps.publicUrl);
        const path = url.pathname.replace(/^\/api\/auth/, '');
        if (closedPaths.has(path)) throw new AppError('NOT_FOUND', 'Not found.');
        const body = request.method === 'POST' ? parseBody(request.body) : {};
        const email = typeof body.email === 'string' ? body.email : undefined;
        await guardAuthRequest(deps.db, path, request.ip, email);
        if ((path === '/reset-password' || path === '/change-password') && typeof body.newPassword === 'string') {
          const problem = findPasswordProblem(body.newPassword);
          if (problem) throw badField('newPassword', problem);
        }
        const response = await deps.auth.handler(
          new Request(url, {
            method: request.method,
            headers: toHeaders(request),
            body: request.method === 'POST' ? JSON.stringify(body) : undefined,
          }),
        );
        const text = hideSessionToken(path, await response.text());
        const signedIn = response.status === 200 && response.headers.getSetCookie().some((c) => c.includes('session_token'));
        const passed = signedIn || (response.status === 200 && text.includes('twoFactorRedirect'));
        await recordAuthResponse(deps.db, path, { ip: request.ip, email, status: response.status, passed });
        if (path === '/sign-in/email' && email && (response.status === 200 || response.status === 401))
          await auditSignIn(deps.db, { email, ip: request.ip, succeeded: passed, method: 'password' });
        return forward(reply, response, text);
      },
    });
  });

  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.post(
    '/api/magic-link/redeem',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Redeem a sign-in link (POST only, so mail scanners that open links do not burn them)',
        body: magicLinkRedeemSchema,
        response: { 200: okSchema },
      },
    },
    async (request, reply) => {
      await guardTokenAttempt(deps.db, 'magic-link-redeem', request.ip);
      const response = await deps.auth.api.magicLinkVerify({
        query: { token: request.body.token },
        headers: toHeaders(request),
        asResponse: true,
      });
      const cookies = response.headers.getSetCookie().filter((c) => c.includes('session_token'));
      if (response.status !== 200 || cookies.length === 0) {
        await recordTokenFailure(deps.db, 'magic-link-redeem', request.ip);
        throw new AppError('TOKEN_INVALID', 'This sign-in link has expired or was already used. Ask for a new one.');
      }
      const payload = (await response.json()) as { user?: { email?: string } };
      if (payload.user?.email)
        await auditSignIn(deps.db, { email: payload.user.email, ip: request.ip, succeeded: true, method: 'magic_link' });
      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      return { ok: true as const };
    },
  );

  typed.get(
    '/api/me',
    {
      config: { auth: 'session', allowBeforeTwoFactor: true },
      schema: {
        tags: ['auth'],
        summary: 'Who am I: the signed-in user, every membership, and the one this request acts as',
        response: { 200: meSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const memberships = request.memberships;
      const wanted = request.headers[CONTEXT_HEADER];
      const current = memberships.find((m) => m.membership.key === wanted)?.membership.key ?? memberships[0]?.membership.key ?? null;
      const credential = await deps.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.userId, ctx.user.id), eq(accounts.providerId, 'credential'), isNotNull(accounts.password)));
      return {
        user: { ...ctx.user, hasPassword: credential.length > 0 },
        memberships: memberships.map((m) => m.membership),
        current,
        mustEnrolTwoFactor: request.twoFactorPending,
      };
    },
  );
}
