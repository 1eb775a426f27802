import { beforeAll, describe, expect, it } from 'vitest';
import { createDraft, createSentPayment } from '../../test/payments.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('payments: Pay contractors list and totals', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    await createDraft(t, w, { amountMinor: 1_000 });
    await createDraft(t, w, { amountMinor: 2_000 });
    await createDraft(t, w, { amountMinor: 500, currency: 'USD' });
    await createSentPayment(t, w, 4_000);
  });

  it('lists by status and currency, pages with a cursor, and totals per status and currency', async () => {
    const manager = clientFor(t, w.aManager);
    const drafts = (await manager.get('/api/payments?status=draft&currency=EUR')).json();
    expect(drafts.items.map((p: { amountMinor: number }) => p.amountMinor)).toEqual([2_000, 1_000]);
    const first = (await manager.get('/api/payments?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await manager.get(`/api/payments?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const totals = (await manager.get('/api/payments/totals')).json();
    expect(totals.totals).toEqual([
      { status: 'draft', currency: 'EUR', amountMinor: 3_000, count: 2 },
      { status: 'draft', currency: 'USD', amountMinor: 500, count: 1 },
      { status: 'sent', currency: 'EUR', amountMinor: 4_000, count: 1 },
    ]);
    expect(totals.abilities).toEqual({ create: false, send: false, manageFourEyes: false });
    expect((await clientFor(t, w.aFinance).get('/api/payments/totals')).json().abilities).toMatchObject({ create: true, send: true });
    const byContractor = (await manager.get(`/api/payments?contractorId=${w.contractorY}`)).json();
    expect(byContractor.items).toEqual([]);
    const future = (await manager.get('/api/payments?from=2099-01-01')).json();
    expect(future.items).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await manager.get(`/api/payments?from=${today}&to=${today}`)).json().items).toHaveLength(4);
  });

  it('shows the contractor its own payments with the organization, and nobody else’s', async () => {
    const mine = (await clientFor(t, w.xOffice).get('/api/payments')).json();
    expect(mine.items).toHaveLength(4);
    expect(mine.items[0]).toMatchObject({ organizationId: w.orgA, abilities: { send: false } });
    expect((await clientFor(t, w.yAdmin).get('/api/payments')).json().items).toEqual([]);
    expect((await clientFor(t, w.bOwner).get('/api/payments/totals')).json().totals).toEqual([]);
  });

  it('refuses bad filters with 400', async () => {
    const manager = clientFor(t, w.aManager);
    for (const query of ['status=paid', 'currency=EURO', 'from=2026-13-01', 'from=2026-12-02&to=2026-12-01', 'limit=201', 'cursor=garbage'])
      expect((await manager.get(`/api/payments?${query}`)).statusCode, query).toBe(400);
  });
});
