import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, payments } from '../db/schema/index.ts';
import { createDraft, sendBody } from '../test/payments.fixtures.ts';
import { raceTitle } from '../test/race.ts';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { clientFor, createWorld, type Persona, type World } from '../test/world.ts';
import { sweepIdempotencyKeys } from './idempotency.store.ts';

describe('Idempotency-Key (config.idempotent)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  const draftBody = (w: World, amountMinor = 12_300) => ({
    engagementId: w.engagementAX,
    amountMinor,
    currency: 'EUR',
    description: 'Idempotent',
  });
  const post = (persona: Persona, url: string, body: unknown, key: string) =>
    clientFor(t, persona).request('POST', url, body, { headers: { 'idempotency-key': key } });
  async function paymentCount() {
    const [row] = await t.db.select({ n: count() }).from(payments).where(eq(payments.organizationId, w.orgA));
    return row!.n;
  }

  it('replays the first answer (status and body) to a retry with the same key and body: one payment', async () => {
    const before = await paymentCount();
    const first = await post(w.aFinance, '/api/payments', draftBody(w), 'create-1');
    const retry = await post(w.aFinance, '/api/payments', { ...draftBody(w) }, 'create-1');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await paymentCount()).toBe(before + 1);
  });

  it('answers 422 to the same key with another body or on another route, and changes nothing', async () => {
    await post(w.aFinance, '/api/payments', draftBody(w), 'create-2');
    const before = await paymentCount();
    const other = await post(w.aFinance, '/api/payments', draftBody(w, 99), 'create-2');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const draft = await createDraft(t, w);
    const elsewhere = await post(w.aFinance, `/api/payments/${draft}/send`, sendBody(), 'create-2');
    expect(elsewhere.statusCode).toBe(422);
    expect(await paymentCount()).toBe(before + 1);
  });

  it('keeps keys per person: another user with the same key makes their own payment', async () => {
    const before = await paymentCount();
    await post(w.aFinance, '/api/payments', draftBody(w), 'shared-key');
    const admin = await post(w.aAdmin, '/api/payments', draftBody(w), 'shared-key');
    expect(admin.headers['idempotent-replayed']).toBeUndefined();
    expect(await paymentCount()).toBe(before + 2);
  });

  it('replays errors too (a 409 stays a 409), and sends with one key only once', async () => {
    const id = await createDraft(t, w);
    const first = await post(w.aFinance, `/api/payments/${id}/send`, sendBody(), `send-${id}`);
    const retry = await post(w.aFinance, `/api/payments/${id}/send`, sendBody(), `send-${id}`);
    expect([first.statusCode, retry.statusCode]).toEqual([200, 200]);
    expect(retry.json()).toEqual(first.json());
    const fresh = await post(w.aFinance, `/api/payments/${id}/send`, sendBody(), `send-again-${id}`);
    expect(fresh.statusCode).toBe(409);
    const replayed409 = await post(w.aFinance, `/api/payments/${id}/send`, sendBody(), `send-again-${id}`);
    expect(replayed409.statusCode).toBe(409);
    expect(replayed409.headers['content-type']).toMatch(/problem\+json/);
  });

  it(raceTitle('runs concurrent first requests with one key once, every one answered the same'), async () => {
    const before = await paymentCount();
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(w.aFinance, '/api/payments', draftBody(w, 777), 'race-key')));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await paymentCount()).toBe(before + 1);
  });

  it('refuses a malformed key with 400; runs as usual without one', async () => {
    const bad = await post(w.aFinance, '/api/payments', draftBody(w), 'has space');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fieldErrors[0].path).toBe('Idempotency-Key');
    expect((await clientFor(t, w.aFinance).post('/api/payments', draftBody(w))).statusCode).toBe(201);
  });

  it('forgets a key after 24 hours: the sweep deletes it, and an expired key runs again', async () => {
    await post(w.aFinance, '/api/payments', draftBody(w), 'expiring');
    const key = and(eq(idempotencyKeys.userId, w.aFinance.userId), eq(idempotencyKeys.key, 'expiring'));
    const [row] = await t.db.select().from(idempotencyKeys).where(key);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
    await t.db
      .update(idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(key);
    const before = await paymentCount();
    const again = await post(w.aFinance, '/api/payments', draftBody(w, 55), 'expiring');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await paymentCount()).toBe(before + 1);
    await t.db
      .update(idempotencyKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(key);
    expect(await sweepIdempotencyKeys(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.select().from(idempotencyKeys).where(key)).toEqual([]);
  });
});
