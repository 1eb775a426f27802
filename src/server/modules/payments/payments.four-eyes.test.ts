import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications } from '../../db/schema/index.ts';
import { createDraft, sendBody } from '../../test/payments.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, readEtag, type World } from '../../test/world.ts';

describe('payments: four-eyes', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  async function setRule(body: unknown) {
    const owner = clientFor(t, w.aOwner);
    const etag = await readEtag(owner, '/api/payments/four-eyes');
    return owner.request('PUT', '/api/payments/four-eyes', body, { headers: { 'if-match': etag } });
  }

  it('is off by default; owners and admins set it with If-Match; finance and contractors cannot', async () => {
    const read = await clientFor(t, w.aFinance).get('/api/payments/four-eyes');
    expect(read.json()).toMatchObject({ enabled: false, thresholds: [], abilities: { update: false } });
    expect((await clientFor(t, w.aOwner).request('PUT', '/api/payments/four-eyes', { enabled: true, thresholds: [] })).statusCode).toBe(
      428,
    );
    const finance = clientFor(t, w.aFinance);
    const financeTry = await finance.request(
      'PUT',
      '/api/payments/four-eyes',
      { enabled: true, thresholds: [] },
      { headers: { 'if-match': '*' } },
    );
    expect(financeTry.statusCode).toBe(403);
    expect((await clientFor(t, w.xAdmin).get('/api/payments/four-eyes')).statusCode).toBe(403);
    const dup = await setRule({
      enabled: true,
      thresholds: [
        { currency: 'EUR', minAmountMinor: 1 },
        { currency: 'EUR', minAmountMinor: 2 },
      ],
    });
    expect(dup.statusCode).toBe(400);
    const set = await setRule({ enabled: true, thresholds: [{ currency: 'EUR', minAmountMinor: 100_000 }] });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ enabled: true, version: 1, abilities: { update: true } });
    const stale = await clientFor(t, w.aOwner).request(
      'PUT',
      '/api/payments/four-eyes',
      { enabled: false, thresholds: [] },
      { headers: { 'if-match': '"0"' } },
    );
    expect(stale.statusCode).toBe(412);
  });

  it('holds a draft at or above the threshold until a second person approves it; the creator cannot approve, the approver cannot send', async () => {
    await setRule({ enabled: true, thresholds: [{ currency: 'EUR', minAmountMinor: 100_000 }] });
    const small = await createDraft(t, w, { amountMinor: 99_999 });
    expect((await clientFor(t, w.aFinance).get(`/api/payments/${small}`)).json()).toMatchObject({
      awaitingApproval: false,
      abilities: { approve: false, send: true },
    });
    const id = await createDraft(t, w, { amountMinor: 100_000 });
    const finance = clientFor(t, w.aFinance);
    expect((await finance.get(`/api/payments/${id}`)).json()).toMatchObject({
      awaitingApproval: true,
      abilities: { approve: false, send: false },
    });
    const asked = await t.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.type, 'payment.awaiting_approval'), eq(notifications.link, `/app/payments/${id}`)));
    expect(asked.map((r) => r.userId).sort()).toEqual([w.aOwner.userId, w.aAdmin.userId].sort());
    const early = await finance.post(`/api/payments/${id}/send`, sendBody(100_000));
    expect(early.statusCode).toBe(409);
    expect(early.json().details.awaitingApproval).toBe(true);
    expect((await finance.post(`/api/payments/${id}/approve`, {})).statusCode).toBe(403);
    expect((await clientFor(t, w.aManager).post(`/api/payments/${id}/approve`, {})).statusCode).toBe(403);
    const approved = await clientFor(t, w.aAdmin).post(`/api/payments/${id}/approve`, {});
    expect(approved.json()).toMatchObject({ status: 'draft', awaitingApproval: false, secondApprovedByName: 'A Admin' });
    expect((await clientFor(t, w.aAdmin).post(`/api/payments/${id}/approve`, {})).statusCode).toBe(409);
    expect((await clientFor(t, w.aAdmin).post(`/api/payments/${id}/send`, sendBody(100_000))).statusCode).toBe(403);
    expect((await finance.post(`/api/payments/${id}/send`, sendBody(100_000))).statusCode).toBe(200);
    const trail = await t.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(trail).toEqual(
      expect.arrayContaining([
        { action: 'payment.created', actor: w.aFinance.userId },
        { action: 'payment.approve', actor: w.aAdmin.userId },
        { action: 'payment.send', actor: w.aFinance.userId },
      ]),
    );
    expect((await clientFor(t, w.aAdmin).post(`/api/payments/${small}/approve`, {})).statusCode).toBe(409);
    await setRule({ enabled: false, thresholds: [] });
  });
});
