import { beforeAll, describe, expect, it } from 'vitest';
import { paymentApprovalRules } from '../../db/schema/index.ts';
import { insertInvoices, insertPayments } from '../../test/money.scene.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('home: money on both sides', () => {
  let t: TestApp;
  let w: World;
  let ids: string[];
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    const ax = { organizationId: w.orgA, contractorId: w.contractorX, engagementId: w.engagementAX };
    ids = await insertPayments(t, [
      { ...ax, status: 'draft', amountMinor: 1000, description: 'Small draft' },
      { ...ax, status: 'draft', amountMinor: 900_000, description: 'Big draft' },
      { ...ax, status: 'draft', amountMinor: 5000, currency: 'USD', description: 'Dollar draft' },
      { ...ax, status: 'sent', amountMinor: 2000, sentOn: '2026-11-28', expectedOn: '2026-12-03', description: 'Arriving later' },
      { ...ax, status: 'sent', amountMinor: 3000, sentOn: '2026-11-29', expectedOn: '2026-12-02', description: 'Arriving first' },
      { ...ax, status: 'disputed', amountMinor: 4000, sentOn: '2026-11-01', description: 'Never arrived' },
      { ...ax, status: 'received', amountMinor: 6000, sentOn: '2026-10-01', description: 'Arrived' },
      { ...ax, status: 'cancelled', amountMinor: 7000, description: 'Cancelled' },
      { organizationId: w.orgB, contractorId: w.contractorY, engagementId: w.engagementBY, status: 'draft', amountMinor: 1 },
    ]);
    const [rejected] = await insertInvoices(t, [
      { ...ax, submittedByUserId: w.xAdmin.userId, number: 'INV-1', status: 'rejected', totalMinor: 500, rejectReason: 'Wrong rate' },
      { ...ax, submittedByUserId: w.xAdmin.userId, number: 'INV-2', status: 'rejected', totalMinor: 600, rejectReason: 'Missing PO' },
      { ...ax, submittedByUserId: w.xAdmin.userId, number: 'INV-3', status: 'submitted', totalMinor: 700 },
    ]);
    await insertInvoices(t, [
      { ...ax, submittedByUserId: w.xAdmin.userId, number: 'INV-1b', status: 'submitted', totalMinor: 500, correctsInvoiceId: rejected },
    ]);
    await t.db
      .insert(paymentApprovalRules)
      .values({ organizationId: w.orgA, enabled: true, thresholds: [{ currency: 'EUR', minAmountMinor: 100_000 }] });
  });

  it("answers the contractor's 'when am I getting paid?': balances, upcoming by arrival, disputes, recent, invoices to fix", async () => {
    const res = await clientFor(t, w.xOffice).get('/api/home');
    const home = res.json();
    const money = home.money;
    expect(money.balances).toEqual([
      expect.objectContaining({ organizationId: w.orgA, currency: 'EUR', amountMinor: 901_000, count: 2 }),
      expect.objectContaining({ organizationId: w.orgA, currency: 'USD', amountMinor: 5000, count: 1 }),
    ]);
    expect(money.upcoming.count).toBe(2);
    expect(money.upcoming.items.map((p: { description: string }) => p.description)).toEqual(['Arriving first', 'Arriving later']);
    expect(money.upcoming.items[0]).toMatchObject({
      partyName: `Org A ${w.suffix}`,
      method: 'wise',
      abilities: { confirmReceipt: true, dispute: true },
    });
    expect(money.disputed.count).toBe(1);
    expect(money.recent.map((p: { description: string }) => p.description)).toEqual([
      'Arriving first',
      'Arriving later',
      'Never arrived',
      'Arrived',
    ]);
    expect(money.invoicesRejected).toEqual({ count: 1, items: [expect.objectContaining({ number: 'INV-2', rejectReason: 'Missing PO' })] });
    expect(JSON.stringify(home)).not.toContain('inFlight');
  });

  it('gives the company drafts to send and to approve (four-eyes), disputes, invoices to review and totals per currency', async () => {
    const money = (await clientFor(t, w.aFinance).get('/api/home')).json().money;
    expect(money.totals).toEqual([
      { currency: 'EUR', draftMinor: 901_000, draftCount: 2, inFlightMinor: 9000, inFlightCount: 3 },
      { currency: 'USD', draftMinor: 5000, draftCount: 1, inFlightMinor: 0, inFlightCount: 0 },
    ]);
    expect(money.toSend.items.map((p: { description: string }) => p.description).sort()).toEqual(['Small draft', 'Dollar draft'].sort());
    expect(money.toApprove.items.map((p: { id: string }) => p.id)).toEqual([ids[1]]);
    expect(money.disputes.count).toBe(1);
    expect(money.invoicesToReview.count).toBe(2);
    expect(money.toSend.items[0].abilities).toEqual({ confirmReceipt: false, dispute: false });
  });

  it('shows another organization and contractor none of it', async () => {
    const other = (await clientFor(t, w.bOwner).get('/api/home')).json().money;
    expect(other.totals).toEqual([{ currency: 'EUR', draftMinor: 1, draftCount: 1, inFlightMinor: 0, inFlightCount: 0 }]);
    expect(other.invoicesToReview.count).toBe(0);
    const y = (await clientFor(t, w.yAdmin).get('/api/home')).json().money;
    expect(y.upcoming.count).toBe(0);
    expect(y.balances).toEqual([expect.objectContaining({ amountMinor: 1 })]);
    expect((await clientFor(t, w.xTech).get('/api/home')).json()).toEqual({ kind: 'technician' });
  });
});
