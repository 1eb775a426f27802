import { and, count, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invalidateSessions } from '../../access/sessions.cache.ts';
import { accounts, auditEvents, organizations, sessions, verifications } from '../../db/schema/index.ts';
import { lastEmailTo } from '../../test/mailbox.ts';
import { createTestApp, getTestApp, type TestApp } from '../../test/test-app.ts';
import { totpCode } from '../../test/totp.ts';
import { clientFor, cookieHeader, createWorld, signIn, type World } from '../../test/world.ts';
import { hashPassword } from './auth.better.ts';

const PASSWORD = 'Velvet-Compass-Tundra-81';

async function givePassword(t: TestApp, userId: string, password = PASSWORD) {
  await t.db
    .insert(accounts)
    .values({ id: crypto.randomUUID(), accountId: userId, providerId: 'credential', userId, password: await hashPassword(password) });
}

describe('auth', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    await givePassword(t, w.aOwner.userId);
  });

  it('signs in with email and password, and audits it', async () => {
    const anon = clientFor(t, null);
    const res = await anon.post('/api/auth/sign-in/email', { email: w.aOwner.email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json().token).toBeUndefined();
    const cookie = cookieHeader(res.headers['set-cookie']);
    expect(res.headers['set-cookie']?.toString()).toMatch(/HttpOnly/i);
    expect(res.headers['set-cookie']?.toString()).toMatch(/SameSite=Lax/i);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().user.email).toBe(w.aOwner.email);
    const [events] = await t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, w.orgA), eq(auditEvents.action, 'auth.signed_in')));
    expect(events?.n).toBeGreaterThan(0);
  });

  it('answers a wrong password and an unknown email the same way, and audits the failure', async () => {
    const anon = clientFor(t, null);
    const wrong = await anon.post('/api/auth/sign-in/email', { email: w.aOwner.email, password: 'Not-The-Right-One-99' });
    const unknown = await anon.post('/api/auth/sign-in/email', {
      email: `nobody.${w.suffix}@example.test`,
      password: 'Not-The-Right-One-99',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    const failed = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, w.orgA), eq(auditEvents.action, 'auth.sign_in_failed')));
    expect(failed.length).toBeGreaterThan(0);
  });

  it('mails a magic link that only a POST redeems, once', async () => {
    const anon = clientFor(t, null);
    const asked = await anon.post('/api/auth/sign-in/magic-link', { email: w.xTech.email });
    expect(asked.statusCode).toBe(200);
    const unknown = await anon.post('/api/auth/sign-in/magic-link', { email: `ghost.${w.suffix}@example.test` });
    expect(unknown.body).toBe(asked.body);
    const { email, token } = await lastEmailTo(t, w.xTech.email);
    expect(email?.text).toContain('/magic-link?token=');
    expect(token?.length).toBeGreaterThanOrEqual(43);
    // The verification row stores a hash, never the token itself.
    const stored = await t.db.select().from(verifications);
    expect(stored.some((v) => v.identifier.includes(token!) || v.value.includes(token!))).toBe(false);
    // A scanner following better-auth's own GET link gets nothing.
    const scanner = await anon.get(`/api/auth/magic-link/verify?token=${token}`);
    expect(scanner.statusCode).toBe(404);
    const redeemed = await anon.post('/api/magic-link/redeem', { token });
    expect(redeemed.statusCode).toBe(200);
    const cookie = cookieHeader(redeemed.headers['set-cookie']);
    const me = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.json().memberships[0].kind).toBe('technician');
    const again = await anon.post('/api/magic-link/redeem', { token });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('TOKEN_INVALID');
  });

  it('refuses forged and expired magic links with a clear answer and no session', async () => {
    const anon = clientFor(t, null);
    const forged = await anon.post('/api/magic-link/redeem', { token: 'x'.repeat(43) });
    expect(forged.statusCode).toBe(410);
    expect(forged.headers['set-cookie']).toBeUndefined();
    await anon.post('/api/auth/sign-in/magic-link', { email: w.yTech.email });
    const { token } = await lastEmailTo(t, w.yTech.email);
    await t.db
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(verifications.value, `%${w.yTech.email}%`));
    const expired = await anon.post('/api/magic-link/redeem', { token });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toMatch(/expired or was already used/);
  });

  it('signs out on the server: the old cookie no longer works', async () => {
    const client = clientFor(t, w.aAdmin);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    const out = await client.post('/api/auth/sign-out', {});
    expect(out.statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('lists sessions and signs out everywhere else', async () => {
    const world = await createWorld(t);
    const other = { ...world.aFinance, cookie: await signIn(t, world.aFinance.email) };
    const here = clientFor(t, world.aFinance);
    const sessions = await here.get('/api/auth/list-sessions');
    expect(sessions.json().length).toBe(2);
    expect((await here.post('/api/auth/revoke-other-sessions', {})).statusCode).toBe(200);
    expect((await clientFor(t, other).get('/api/me')).statusCode).toBe(401);
    expect((await here.get('/api/me')).statusCode).toBe(200);
  });

  it('ends a session past its absolute lifetime, however active it was', async () => {
    const world = await createWorld(t);
    const client = clientFor(t, world.aViewer);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    await t.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - (t.config.SESSION_MAX_DAYS + 1) * 86_400_000) })
      .where(eq(sessions.userId, world.aViewer.userId));
    // Written behind the app's back: tell the session cache, as every writer of sessions does.
    await invalidateSessions(t.db, `user:${world.aViewer.userId}`);
    const res = await client.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/session has ended/);
  });

  it('checks Origin on state-changing requests that carry a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: w.aOwner.cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(res.statusCode).toBe(403);
    const noOrigin = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: { cookie: w.aOwner.cookie, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(noOrigin.statusCode).toBe(403);
  });

  it('resets a password by email, refusing weak ones with the reason', async () => {
    const world = await createWorld(t);
    await givePassword(t, world.aViewer.userId);
    const anon = clientFor(t, null);
    expect(
      (await anon.post('/api/auth/request-password-reset', { email: world.aViewer.email, redirectTo: '/reset-password' })).statusCode,
    ).toBe(200);
    const { token } = await lastEmailTo(t, world.aViewer.email);
    expect(token).toBeTruthy();
    const weak = await anon.post('/api/auth/reset-password', { token, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().details.fieldErrors[0].path).toBe('newPassword');
    const ok = await anon.post('/api/auth/reset-password', { token, newPassword: 'Granite-Meadow-Falcon-19' });
    expect(ok.statusCode).toBe(200);
    const signIn = await anon.post('/api/auth/sign-in/email', { email: world.aViewer.email, password: 'Granite-Meadow-Falcon-19' });
    expect(signIn.statusCode).toBe(200);
  });

  it('enrols TOTP, then asks for the code at sign-in; organizations can require it', async () => {
    const world = await createWorld(t);
    await givePassword(t, world.aFinance.userId);
    const finance = clientFor(t, world.aFinance);
    await t.db.update(organizations).set({ requireTwoFactor: true }).where(eq(organizations.id, world.orgA));
    const blocked = await finance.get('/api/engagements');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TWO_FACTOR_REQUIRED');
    expect((await finance.get('/api/me')).json().mustEnrolTwoFactor).toBe(true);
    const manager = clientFor(t, world.aManager);
    expect((await manager.get('/api/engagements')).statusCode).toBe(200);

    const enabled = await finance.post('/api/auth/two-factor/enable', { password: PASSWORD });
    expect(enabled.statusCode).toBe(200);
    const { totpURI, backupCodes } = enabled.json();
    expect(backupCodes.length).toBeGreaterThanOrEqual(8);
    const verified = await finance.post('/api/auth/two-factor/verify-totp', { code: totpCode(totpURI) });
    expect(verified.statusCode).toBe(200);
    const renewed = { ...world.aFinance, cookie: cookieHeader(verified.headers['set-cookie']) };
    expect((await clientFor(t, renewed).get('/api/engagements')).statusCode).toBe(200);

    const anon = clientFor(t, null);
    const first = await anon.post('/api/auth/sign-in/email', { email: world.aFinance.email, password: PASSWORD });
    expect(first.json().twoFactorRedirect).toBe(true);
    const pending = cookieHeader(first.headers['set-cookie']);
    const second = await anon.request(
      'POST',
      '/api/auth/two-factor/verify-totp',
      { code: totpCode(totpURI) },
      { headers: { cookie: pending } },
    );
    expect(second.statusCode).toBe(200);
    const session = cookieHeader(second.headers['set-cookie']);
    expect((await t.app.inject({ url: '/api/me', headers: { cookie: session } })).json().user.twoFactorEnabled).toBe(true);

    // No way around the code: no magic link is sent, and accepting an invitation does not sign in.
    expect((await anon.post('/api/auth/sign-in/magic-link', { email: world.aFinance.email })).statusCode).toBe(200);
    const { email: mail, token } = await lastEmailTo(t, world.aFinance.email);
    expect(mail?.subject).toBe('Sign in to Portico with your password and code');
    expect(token).toBeUndefined();
    await clientFor(t, world.bOwner).post('/api/invitations/staff', { name: 'Fin', email: world.aFinance.email, role: 'viewer' });
    const { token: inviteToken } = await lastEmailTo(t, world.aFinance.email);
    const accepted = await anon.post('/api/invitations/accept', { token: inviteToken });
    expect(accepted.json()).toEqual({ ok: true, signedIn: false });
    expect(accepted.headers['set-cookie']).toBeUndefined();
  });

  it('rejects a weak password at every door', async () => {
    const client = clientFor(t, w.aOwner);
    const res = await client.post('/api/auth/change-password', { currentPassword: PASSWORD, newPassword: 'qwertyuiopasdf' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/sequence|breached|guess/);
  });

  it('uses Secure __Host- cookies when served over HTTPS', async () => {
    const https = await createTestApp({ PUBLIC_URL: 'https://portal.example.com' });
    try {
      const world = await createWorld(https);
      await givePassword(https, world.aOwner.userId);
      const res = await https.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers: { origin: 'https://portal.example.com', 'content-type': 'application/json' },
        payload: JSON.stringify({ email: world.aOwner.email, password: PASSWORD }),
      });
      expect(res.statusCode).toBe(200);
      const cookie = [res.headers['set-cookie']].flat().find((c) => c?.includes('session_token')) ?? '';
      expect(cookie).toMatch(/^__Host-portico\.session_token=/);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; Path=\//i);
      expect(cookie).not.toMatch(/Domain=/i);
      expect(res.headers['strict-transport-security']).toContain('max-age');
    } finally {
      await https.app.close();
      await https.database.close();
    }
  });

  it('refuses open sign-up', async () => {
    const res = await clientFor(t, null).post('/api/auth/sign-up/email', {
      email: `new.${w.suffix}@example.test`,
      password: PASSWORD,
      name: 'X',
    });
    expect(res.statusCode).toBe(404);
  });
});
