import { AsyncLocalStorage } from 'node:async_hooks';
import { hash, verify } from '@node-rs/argon2';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { betterAuth } from 'better-auth';
import { and, eq, isNotNull } from 'drizzle-orm';
import { magicLink, twoFactor } from 'better-auth/plugins';
import { loadMemberships } from '../../access/memberships.ts';
import { invalidateSessions } from '../../access/sessions.cache.ts';
import { type Config, serverSecret } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { accounts, sessions, technicians, twoFactors, users, verifications } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { queueEmail } from '../notifications/notifications.service.ts';

const argon2Options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

/** argon2id, as OWASP recommends; the same function hashes passwords set through invitations. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export function verifyPassword(password: string, digest: string): Promise<boolean> {
  return verify(digest, password).catch(() => false);
}

/** When set, a magic link is captured for an in-process sign-in instead of being emailed. */
const captured = new AsyncLocalStorage<{ token?: string; refused?: boolean }>();

/** People with two-factor sign-in never get a link that would skip the code. */
async function usesTwoFactor(db: Db, email: string): Promise<boolean> {
  const [user] = await db.select({ on: users.twoFactorEnabled }).from(users).where(eq(users.email, email.toLowerCase()));
  return user?.on === true;
}

/**
 * Someone removed from every place they belonged (a technician taken off a crew, who never had
 * a password): no sign-in link is sent to them.
 */
async function isCutOff(db: Db, email: string): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()));
  if (!user) return false;
  const [removed] = await db
    .select({ id: technicians.id })
    .from(technicians)
    .where(and(eq(technicians.userId, user.id), isNotNull(technicians.removedAt)))
    .limit(1);
  return removed !== undefined && (await loadMemberships(db, user.id)).length === 0;
}

export const MAGIC_LINK_SECONDS = 10 * 60;

export function createAuth(db: Db, config: Config) {
  const origins = trustedOrigins(config);
  return betterAuth({
    appName: 'Portico',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: serverSecret(config),
    trustedOrigins: origins,
    database: drizzleAdapter(db as never, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications, twoFactor: twoFactors },
    }),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: { hash: hashPassword, verify: ({ hash: digest, password }) => verifyPassword(password, digest) },
      sendResetPassword: async ({ user, token }) => {
        await queueEmail(db, user.email, {
          subject: 'Reset your Portico password',
          heading: 'Reset your password',
          paragraphs: [
            'Someone asked to reset the password of your Portico account. If it was not you, ignore this email.',
            'The link works for one hour, once.',
          ],
          action: { label: 'Choose a new password', url: `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}` },
        });
      },
    },
    session: {
      expiresIn: config.SESSION_IDLE_HOURS * 3600,
      updateAge: Math.min(3600, config.SESSION_IDLE_HOURS * 1800),
      cookieCache: { enabled: false },
    },
    // Cached sessions (http/route-auth) go stale when a session ends or the user changes.
    databaseHooks: {
      session: { delete: { after: async (session) => invalidateSessions(db, `user:${session.userId}`) } },
      user: {
        update: {
          after: async (user) => {
            if (user?.id) await invalidateSessions(db, `user:${user.id}`);
          },
        },
      },
    },
    rateLimit: { enabled: false },
    advanced: {
      database: { generateId: () => createId() },
      useSecureCookies: false,
      cookiePrefix: config.secure ? '__Host-portico' : 'portico',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/', secure: config.secure },
      ipAddress: { ipAddressHeaders: config.TRUST_PROXY ? ['x-forwarded-for'] : ['x-portico-client-ip'] },
    },
    telemetry: { enabled: false },
    plugins: [
      magicLink({
        expiresIn: MAGIC_LINK_SECONDS,
        disableSignUp: true,
        storeToken: 'hashed',
        generateToken: async () => createMagicToken(),
        sendMagicLink: async ({ email, token }) => {
          const capture = captured.getStore();
          if (await isCutOff(db, email)) {
            if (capture) capture.refused = true;
            return;
          }
          if (await usesTwoFactor(db, email)) {
            if (capture) capture.refused = true;
            else
              await queueEmail(db, email, {
                subject: 'Sign in to Portico with your password and code',
                heading: 'Use your password and code',
                paragraphs: [
                  'Someone asked for a sign-in link for your account. Your account uses two-factor sign-in, so links are not sent: sign in with your password and the code from your authenticator app.',
                  'If it was not you, nothing happened and you can ignore this email.',
                ],
                action: { label: 'Sign in', url: `${config.publicUrl}/sign-in` },
              });
            return;
          }
          if (capture) {
            capture.token = token;
            return;
          }
          await queueEmail(db, email, {
            subject: 'Your Portico sign-in link',
            heading: 'Sign in to Portico',
            paragraphs: [
              'Use the button below to sign in. The link works once, for 10 minutes.',
              'If you did not ask for it, ignore this email.',
            ],
            action: { label: 'Sign in', url: `${config.publicUrl}/magic-link?token=${encodeURIComponent(token)}` },
          });
        },
      }),
      twoFactor({ issuer: 'Portico', skipVerificationOnEnable: false }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** 32 random bytes (256 bits), URL-safe. */
function createMagicToken(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}

export function trustedOrigins(config: Config): string[] {
  const origin = new URL(config.publicUrl).origin;
  const set = new Set([origin]);
  const url = new URL(config.publicUrl);
  if (url.hostname === 'localhost') set.add(origin.replace('localhost', '127.0.0.1'));
  if (url.hostname === '127.0.0.1') set.add(origin.replace('127.0.0.1', 'localhost'));
  // `npx vite` serves the web app on :5173 and proxies /api here during development.
  if (config.NODE_ENV === 'development') for (const host of ['localhost', '127.0.0.1']) set.add(`http://${host}:5173`);
  return [...set];
}

/**
 * Signs a user in from the server itself (after accepting an invitation): a magic link is
 * minted, captured instead of mailed, and redeemed at once. Returns the Set-Cookie headers; none
 * for people with two-factor sign-in, who sign in with their password and code instead.
 */
export async function createSessionCookies(auth: Auth, email: string, headers: Headers): Promise<string[]> {
  const store: { token?: string; refused?: boolean } = {};
  await captured.run(store, () => auth.api.signInMagicLink({ body: { email }, headers }));
  if (store.refused) return [];
  if (!store.token) throw new Error('could not mint a sign-in token');
  const response = await auth.api.magicLinkVerify({ query: { token: store.token }, headers, asResponse: true });
  if (!response.ok) {
    const reason = new URL(response.headers.get('location') ?? '/', 'http://x').searchParams.get('error');
    throw new Error(`could not redeem a sign-in token (${response.status} ${reason ?? 'no reason given'})`);
  }
  return response.headers.getSetCookie();
}
