import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts, rateLimits } from '../../db/schema/index.ts';
import { pruneRateLimits } from '../../lib/rate-limit.ts';
import { lastEmailTo } from '../../test/mailbox.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, cookieHeader, createWorld, randomIp, type World } from '../../test/world.ts';
import { hashPassword } from './auth.better.ts';
import { emailRequestLimits, signInLimits } from './auth.limits.ts';
import { createUser } from './auth.service.ts';

const PASSWORD = 'Velvet-Compass-Tundra-81';
const WRONG = 'Wrong-Password-Guess-1';

describe('sign-in limits that do not lock out an office', () => {
  let t: TestApp;
  let w: World;
  let digest: string;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    digest = await hashPassword(PASSWORD);
  }, 240_000);

  async function personWithPassword(): Promise<string> {
    const world = await createWorld(t);
    await t.db.insert(accounts).values({
      id: crypto.randomUUID(),
      accountId: world.aManager.userId,
      providerId: 'credential',
      userId: world.aManager.userId,
      password: digest,
    });
    return world.aManager.email;
  }

  const signIn = (ip: string, email: string, password: string) =>
    clientFor(t, null, ip).post('/api/auth/sign-in/email', { email, password });

  async function signInByLink(ip: string, email: string): Promise<number> {
    const asked = await clientFor(t, null, ip).post('/api/auth/sign-in/magic-link', { email });
    expect(asked.statusCode).toBe(200);
    const { token } = await lastEmailTo(t, email);
    const redeemed = await clientFor(t, null, ip).post('/api/magic-link/redeem', { token });
    return redeemed.statusCode === 200 && cookieHeader(redeemed.headers['set-cookie']).includes('session_token')
      ? 200
      : redeemed.statusCode;
  }

  it('lets 50 people behind one address sign in, a few typos included', async () => {
    const office = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      const email = `office${i}.${w.suffix}@example.test`;
      await createUser(t.db, { name: `Person ${i}`, email, passwordHash: digest });
      if (i % 3 === 0) statuses.push((await signIn(office, email, WRONG)).statusCode);
      statuses.push((await signIn(office, email, PASSWORD)).statusCode);
    }
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.filter((s) => s === 200)).toHaveLength(50);
  }, 240_000);

  it('after 10 failures locks the account at that address only: another address and the email link still work', async () => {
    const email = await personWithPassword();
    const [ip1, ip2] = [randomIp(), randomIp()];
    for (let i = 0; i < signInLimits.accountAtAddress.max; i++) expect((await signIn(ip1, email, WRONG)).statusCode).toBe(401);
    const locked = await signIn(ip1, email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Other people at the same address are not affected.
    const colleague = await personWithPassword();
    expect((await signIn(ip1, colleague, PASSWORD)).statusCode).toBe(200);
    expect((await signIn(ip2, email, PASSWORD)).statusCode).toBe(200);
    expect(await signInByLink(ip1, email)).toBe(200);
  });

  it('stops guessing spread over many addresses without locking the owner out', async () => {
    const email = await personWithPassword();
    const home = randomIp();
    expect((await signIn(home, email, PASSWORD)).statusCode).toBe(200);
    const guesses: number[] = [];
    for (let i = 0; i < signInLimits.account.max + 5; i++) guesses.push((await signIn(randomIp(), email, `${WRONG}${i}`)).statusCode);
    expect(guesses.slice(0, signInLimits.account.max).every((s) => s === 401)).toBe(true);
    expect(guesses.slice(signInLimits.account.max).every((s) => s === 429)).toBe(true);
    // Even the right password is not tried from a new address while the account is under attack...
    expect((await signIn(randomIp(), email, PASSWORD)).statusCode).toBe(429);
    // ...but the owner's own address and the email link still work.
    expect((await signIn(home, email, PASSWORD)).statusCode).toBe(200);
    expect(await signInByLink(randomIp(), email)).toBe(200);
  }, 240_000);

  it('keeps email links coming to the owner when someone floods the account from many addresses', async () => {
    const email = await personWithPassword();
    const home = randomIp();
    expect((await signIn(home, email, PASSWORD)).statusCode).toBe(200);
    const asked: number[] = [];
    for (let i = 0; i < emailRequestLimits.account.max + 2; i++)
      asked.push((await clientFor(t, null, randomIp()).post('/api/auth/sign-in/magic-link', { email })).statusCode);
    expect(asked.slice(0, emailRequestLimits.account.max).every((s) => s === 200)).toBe(true);
    expect(asked.slice(emailRequestLimits.account.max).every((s) => s === 429)).toBe(true);
    expect(await signInByLink(home, email)).toBe(200);
  }, 240_000);

  it('caps failures from one address across accounts, far above an office', async () => {
    const ip = randomIp();
    await t.db.insert(rateLimits).values({
      key: `sign-in:fail:ip:${ip}`,
      windowStart: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
      count: signInLimits.address.max,
    });
    expect((await signIn(ip, `someone.${w.suffix}@example.test`, WRONG)).statusCode).toBe(429);
    expect((await signIn(randomIp(), `someone.${w.suffix}@example.test`, WRONG)).statusCode).toBe(401);
  });

  it('lets an office ask for many sign-in links, but not one address flood one mailbox', async () => {
    const office = randomIp();
    for (let i = 0; i < 30; i++)
      expect(
        (await clientFor(t, null, office).post('/api/auth/sign-in/magic-link', { email: `tech${i}.${w.suffix}@example.test` })).statusCode,
      ).toBe(200);
    const target = `flooded.${w.suffix}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await clientFor(t, null, office).post('/api/auth/sign-in/magic-link', { email: target })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('counts only wrong sign-in links against an address', async () => {
    const ip = randomIp();
    for (let i = 0; i < 3; i++)
      expect((await clientFor(t, null, ip).post('/api/magic-link/redeem', { token: 'x'.repeat(43) })).statusCode).toBe(410);
    const [row] = await t.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `magic-link-redeem:fail:ip:${ip}`));
    expect(row?.count).toBe(3);
  });

  it('prunes rows whose window has passed', async () => {
    const tag = `prune-test:${w.suffix}`;
    const past = new Date(Date.now() - 60_000);
    await t.db.insert(rateLimits).values([
      { key: `${tag}:old`, windowStart: new Date(Date.now() - 3_600_000), expiresAt: past, count: 3 },
      { key: `${tag}:live`, windowStart: new Date(), expiresAt: new Date(Date.now() + 600_000), count: 3 },
    ]);
    expect(await pruneRateLimits(t.db)).toBeGreaterThanOrEqual(1);
    const left = await t.db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, `${tag}:%`));
    expect(left.map((r) => r.key)).toEqual([`${tag}:live`]);
  });
});
