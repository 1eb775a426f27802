import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../db/schema/index.ts';
import { runInTransaction } from '../db/transaction.ts';
import { hashPassword } from '../modules/auth/auth.better.ts';
import { addMembership } from '../modules/organizations/organizations.service.ts';
import { lastEmailTo } from '../test/mailbox.ts';
import { createStatementCounter, useCountedWorld } from '../test/statements.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { clientFor, createWorld, type Persona, signIn, type World } from '../test/world.ts';

/** Polls until check() holds, for up to limitMs. */
async function eventually(check: () => Promise<boolean>, limitMs = 10_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not within ${limitMs} ms`);
}

describe('session cache (one process)', () => {
  const counter = createStatementCounter();
  const world = useCountedWorld(counter);

  it('resolves a session once: memberships in one statement, a warm /api/me in at most one', async () => {
    const { t, w } = world;
    const client = clientFor(t, w.aOwner);
    const cold = await counter.count(() => client.get('/api/me'));
    expect(cold.result.statusCode).toBe(200);
    expect(cold.statements.filter((s) => s.includes('"staff_members"'))).toHaveLength(1);
    const warm = await counter.count(() => client.get('/api/me'));
    expect(warm.result.statusCode).toBe(200);
    expect(warm.result.json().memberships).toHaveLength(1);
    // The only statement left is /api/me's own (does the user have a password?).
    expect(warm.statements.length).toBeLessThanOrEqual(1);
    const list = await counter.count(() => client.get('/api/engagements'));
    expect(list.result.statusCode).toBe(200);
    expect(list.statements.some((s) => s.includes('"sessions"') || s.includes('"staff_members"'))).toBe(false);
  });

  it('signs out on the very next request', async () => {
    const { t, w } = world;
    const persona: Persona = { ...w.aAdmin, cookie: await signIn(t, w.aAdmin.email) };
    const client = clientFor(t, persona);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    expect((await client.post('/api/auth/sign-out', {})).statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('revokes every session on a password reset on the very next request', async () => {
    const { t, w } = world;
    await t.db.insert(accounts).values({
      id: crypto.randomUUID(),
      accountId: w.aViewer.userId,
      providerId: 'credential',
      userId: w.aViewer.userId,
      password: await hashPassword('Velvet-Compass-Tundra-81'),
    });
    const client = clientFor(t, w.aViewer);
    expect((await client.get('/api/me')).statusCode).toBe(200);
    const anon = clientFor(t, null);
    expect(
      (await anon.post('/api/auth/request-password-reset', { email: w.aViewer.email, redirectTo: '/reset-password' })).statusCode,
    ).toBe(200);
    const { token } = await lastEmailTo(t, w.aViewer.email);
    expect((await anon.post('/api/auth/reset-password', { token, newPassword: 'Granite-Meadow-Falcon-19' })).statusCode).toBe(200);
    expect((await client.get('/api/me')).statusCode).toBe(401);
  });

  it('applies an organization change and a new membership on the very next request', async () => {
    const { t, w } = world;
    const finance = clientFor(t, w.aFinance);
    expect((await finance.get('/api/engagements')).statusCode).toBe(200);
    expect((await clientFor(t, w.aOwner).edit('/api/organizations/current', { requireTwoFactor: true })).statusCode).toBe(200);
    const blocked = await finance.get('/api/engagements');
    expect(blocked.json().code).toBe('TWO_FACTOR_REQUIRED');

    const manager = clientFor(t, w.aManager);
    expect((await manager.get('/api/me')).json().memberships).toHaveLength(1);
    await runInTransaction(t.db, (tx) => addMembership(tx, w.aManager.userId, { kind: 'staff', organizationId: w.orgB, role: 'viewer' }));
    expect((await manager.get('/api/me')).json().memberships).toHaveLength(2);
  });
});

describe.runIf(process.env.DATABASE_URL)('session cache (two processes on one PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  let w: World;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp();
    w = await createWorld(a);
  });
  afterAll(async () => {
    for (const t of [a, b]) {
      await t.app.close();
      await t.database.close();
    }
  });

  it('a sign-out in one process ends the session in the other within 5 seconds', async () => {
    const persona: Persona = { ...w.xAdmin, cookie: await signIn(a, w.xAdmin.email) };
    expect((await clientFor(b, persona).get('/api/me')).statusCode).toBe(200);
    expect((await clientFor(a, persona).post('/api/auth/sign-out', {})).statusCode).toBe(200);
    const took = await eventually(async () => (await clientFor(b, persona).get('/api/me')).statusCode === 401);
    expect(took).toBeLessThan(5_000);
  });

  it('a new membership made in one process shows in the other within 5 seconds', async () => {
    const other = clientFor(b, w.bOwner);
    expect((await other.get('/api/me')).json().memberships).toHaveLength(1);
    await runInTransaction(a.db, (tx) => addMembership(tx, w.bOwner.userId, { kind: 'staff', organizationId: w.orgA, role: 'viewer' }));
    const took = await eventually(async () => (await other.get('/api/me')).json().memberships.length === 2);
    expect(took).toBeLessThan(5_000);
  });
});
