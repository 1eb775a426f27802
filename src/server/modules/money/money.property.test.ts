import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractorProfiles } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { type Client, clientFor, createWorld, type World } from '../../test/world.ts';

type Status = 'draft' | 'sent' | 'received' | 'disputed' | 'cancelled';
interface ModelPayment {
  amountMinor: number;
  currency: string;
  status: Status;
}

const currencies = ['EUR', 'USD', 'JPY'] as const;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Random sequences of approvals (drafts by hand and approved invoices), invoices rejected,
 * sends, cancellations, disputes, confirmations and resolutions, through the real API. After
 * every step, each side's views (balances, Homes, statements ending today) must show, per
 * currency, approved minus paid of the model: the drafts.
 */
describe('money property: the balance is approved minus paid, per currency, on both sides', () => {
  let t: TestApp;
  let w: World;
  let staff: Client;
  let contractor: Client;
  const model = new Map<string, ModelPayment>();
  let invoiceNo = 0;

  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    staff = clientFor(t, w.aFinance);
    contractor = clientFor(t, w.xAdmin);
    await t.db.insert(contractorProfiles).values({ contractorId: w.contractorX, legalName: 'Property Ltd', address: '1 Road' });
  });

  const pick = (status: Status, index: number) => {
    const ids = [...model].filter(([, p]) => p.status === status).map(([id]) => id);
    return ids.length === 0 ? null : ids[index % ids.length]!;
  };

  async function approveByHand(amountMinor: number, currency: string) {
    const res = await staff.post('/api/payments', { engagementId: w.engagementAX, amountMinor, currency, description: 'Property draft' });
    expect(res.statusCode, res.body).toBe(201);
    model.set(res.json().id, { amountMinor, currency, status: 'draft' });
  }

  async function invoice(amountMinor: number, currency: string, approve: boolean) {
    invoiceNo += 1;
    const res = await contractor.post('/api/invoices', {
      engagementId: w.engagementAX,
      number: `P-${w.suffix}-${invoiceNo}`,
      issueOn: today(),
      dueOn: today(),
      currency,
      taxRateBp: 0,
      lines: [{ description: 'Work', quantityMilli: 1000, unitAmountMinor: amountMinor, amountMinor }],
      subtotalMinor: amountMinor,
      taxMinor: 0,
      totalMinor: amountMinor,
      generate: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    if (!approve) {
      expect((await staff.post(`/api/invoices/${id}/reject`, { reason: 'Property says no' })).statusCode).toBe(200);
      return;
    }
    expect((await staff.post(`/api/invoices/${id}/approve`, {})).statusCode).toBe(200);
    const drafts = (await staff.get(`/api/payments?status=draft&limit=200`)).json().items as Array<{
      id: string;
      amountMinor: number;
      currency: string;
    }>;
    for (const d of drafts) if (!model.has(d.id)) model.set(d.id, { amountMinor: d.amountMinor, currency: d.currency, status: 'draft' });
  }

  async function fire(status: Status, index: number, path: string, body: unknown, by: Client, to: Status) {
    const id = pick(status, index);
    if (!id) return;
    const payment = model.get(id)!;
    const payload = typeof body === 'function' ? (body as (p: ModelPayment) => unknown)(payment) : body;
    const res = await by.post(`/api/payments/${id}/${path}`, payload);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    payment.status = to;
  }

  const step = fc.oneof(
    fc.record({
      kind: fc.constant('approve' as const),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      currency: fc.constantFrom(...currencies),
    }),
    fc.record({
      kind: fc.constant('invoice' as const),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      currency: fc.constantFrom(...currencies),
      approve: fc.boolean(),
    }),
    fc.record({
      kind: fc.constantFrom('send' as const, 'cancel' as const, 'dispute' as const, 'confirm' as const, 'resolve' as const),
      index: fc.nat(50),
    }),
  );

  async function run(s: { kind: string; amount?: number; currency?: string; approve?: boolean; index?: number }) {
    const index = s.index ?? 0;
    if (s.kind === 'approve') return approveByHand(s.amount!, s.currency!);
    if (s.kind === 'invoice') return invoice(s.amount!, s.currency!, s.approve!);
    if (s.kind === 'send')
      return fire(
        'draft',
        index,
        'send',
        (p: ModelPayment) => ({ amountMinor: p.amountMinor, method: 'wise', reference: 'P', sentOn: today() }),
        staff,
        'sent',
      );
    if (s.kind === 'cancel') return fire('draft', index, 'cancel', { reason: 'Property cancels' }, staff, 'cancelled');
    if (s.kind === 'dispute') return fire('sent', index, 'dispute', { body: 'Not here' }, contractor, 'disputed');
    if (s.kind === 'confirm') return fire('sent', index, 'confirm-receipt', {}, contractor, 'received');
    return fire('disputed', index, 'resolve-as-sent', { body: 'Sent again' }, staff, 'sent');
  }

  /** Per currency: approved (every payment not cancelled) minus paid (sent, disputed, received). */
  function expected(): Record<string, number> {
    const approved: Record<string, number> = {};
    const paid: Record<string, number> = {};
    for (const p of model.values()) {
      if (p.status === 'cancelled') continue;
      approved[p.currency] = (approved[p.currency] ?? 0) + p.amountMinor;
      if (p.status !== 'draft') paid[p.currency] = (paid[p.currency] ?? 0) + p.amountMinor;
    }
    return Object.fromEntries(
      Object.entries(approved)
        .map(([c, a]) => [c, a - (paid[c] ?? 0)])
        .filter(([, v]) => v !== 0),
    );
  }

  function byCurrency(rows: Array<{ currency: string; amount: number }>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of rows) out[r.currency] = (out[r.currency] ?? 0) + r.amount;
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
  }

  async function views(): Promise<Record<string, Record<string, number>>> {
    const period = `from=2026-01-01&to=${today()}`;
    const [cb, sb, ch, sh, cs, ss] = await Promise.all([
      contractor.get('/api/money/balances'),
      staff.get('/api/money/balances'),
      contractor.get('/api/home'),
      staff.get('/api/home'),
      contractor.get(`/api/money/statement?organizationId=${w.orgA}&${period}`),
      staff.get(`/api/money/statement?contractorId=${w.contractorX}&${period}`),
    ]);
    type Row = { currency: string; amountMinor: number };
    type Closing = { currency: string; closingMinor: number };
    return {
      contractorBalances: byCurrency(cb.json().items.map((r: Row) => ({ currency: r.currency, amount: r.amountMinor }))),
      staffBalances: byCurrency(sb.json().items.map((r: Row) => ({ currency: r.currency, amount: r.amountMinor }))),
      contractorHome: byCurrency(ch.json().money.balances.map((r: Row) => ({ currency: r.currency, amount: r.amountMinor }))),
      staffHome: byCurrency(
        sh.json().money.totals.map((r: { currency: string; draftMinor: number }) => ({ currency: r.currency, amount: r.draftMinor })),
      ),
      contractorStatement: byCurrency(cs.json().totals.map((r: Closing) => ({ currency: r.currency, amount: r.closingMinor }))),
      staffStatement: byCurrency(ss.json().totals.map((r: Closing) => ({ currency: r.currency, amount: r.closingMinor }))),
    };
  }

  it('holds over random sequences of approvals, invoices, sends, cancellations and disputes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const s of steps) await run(s);
        const want = expected();
        const seen = await views();
        for (const [view, got] of Object.entries(seen)) expect(got, view).toEqual(want);
      }),
      { numRuns: 12, endOnFailure: true },
    );
    expect(model.size).toBeGreaterThan(0);
  }, 300_000);
});
