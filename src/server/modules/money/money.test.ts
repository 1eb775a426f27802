import { beforeAll, describe, expect, it } from 'vitest';
import { contractorProfiles, engagements } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { insertPayments } from '../../test/money.scene.ts';
import { extractPdfText } from '../../test/pdf.text.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('money: balances, statements, exports', () => {
  let t: TestApp;
  let w: World;
  let engagementBX: string;
  const parties = () => ({ organizationId: w.orgA, contractorId: w.contractorX, engagementId: w.engagementAX });
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    engagementBX = createId();
    await t.db.insert(engagements).values({ id: engagementBX, organizationId: w.orgB, contractorId: w.contractorX, status: 'active' });
    await t.db.insert(contractorProfiles).values({
      contractorId: w.contractorX,
      legalName: 'Xavier Consulting Ltd',
      address: '1 Main Street\nDublin',
      taxId: 'IE1234567X',
    });
    const d = (s: string) => new Date(`${s}T10:00:00Z`);
    await insertPayments(t, [
      // Before the period: approved 1000, paid 1000 in 2025; approved 500 still owed.
      { ...parties(), status: 'received', amountMinor: 1000, createdAt: d('2025-11-01'), sentOn: '2025-11-20', description: 'Old work' },
      { ...parties(), status: 'draft', amountMinor: 500, createdAt: d('2025-12-15'), description: 'December work' },
      // In the period.
      {
        ...parties(),
        status: 'sent',
        amountMinor: 2500,
        createdAt: d('2026-01-10'),
        sentOn: '2026-01-20',
        reference: 'WISE-77',
        description: 'January design',
      },
      {
        ...parties(),
        status: 'cancelled',
        amountMinor: 700,
        createdAt: d('2026-02-01'),
        updatedAt: d('2026-02-03'),
        description: 'Mistake',
      },
      { ...parties(), status: 'draft', amountMinor: 300, createdAt: d('2026-03-01'), description: '=HYPERLINK("http://evil")' },
      {
        ...parties(),
        status: 'disputed',
        amountMinor: 9000,
        currency: 'USD',
        createdAt: d('2026-02-10'),
        sentOn: '2026-02-12',
        description: '=HYPERLINK("http://evil","US work")',
      },
      // After the period.
      { ...parties(), status: 'draft', amountMinor: 4000, createdAt: d('2026-07-01'), description: 'Later work' },
      // Another organization of the same contractor, and another contractor of A's organization (never in X's A statement).
      {
        organizationId: w.orgB,
        contractorId: w.contractorX,
        engagementId: engagementBX,
        status: 'draft',
        amountMinor: 111,
        currency: 'GBP',
      },
      { organizationId: w.orgB, contractorId: w.contractorY, engagementId: w.engagementBY, status: 'draft', amountMinor: 222 },
    ]);
  });

  it("gives the contractor its balance per organization and currency (drafts only), and staff only their organization's", async () => {
    const mine = (await clientFor(t, w.xAdmin).get('/api/money/balances')).json().items;
    expect(
      mine.map((b: { organizationId: string; currency: string; amountMinor: number }) => [b.organizationId, b.currency, b.amountMinor]),
    ).toEqual(
      expect.arrayContaining([
        [w.orgA, 'EUR', 500 + 300 + 4000],
        [w.orgB, 'GBP', 111],
      ]),
    );
    expect(mine).toHaveLength(2);
    const staff = (await clientFor(t, w.aFinance).get('/api/money/balances')).json().items;
    expect(staff).toEqual([expect.objectContaining({ contractorId: w.contractorX, currency: 'EUR', amountMinor: 4800, count: 3 })]);
    expect((await clientFor(t, w.yAdmin).get('/api/money/balances')).json().items).toEqual([
      expect.objectContaining({ organizationId: w.orgB, amountMinor: 222 }),
    ]);
    expect((await clientFor(t, w.xTech).get('/api/money/balances')).json().items).toEqual([]);
  });

  it('computes the statement: opening, approvals, cancellations, payments and closing per currency, with running balances', async () => {
    const res = await clientFor(t, w.xAdmin).get(`/api/money/statement?organizationId=${w.orgA}&from=2026-01-01&to=2026-06-30`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.organization.id).toBe(w.orgA);
    expect(s.totals).toEqual([
      { currency: 'EUR', openingMinor: 500, approvedMinor: 2500 + 700 + 300, cancelledMinor: 700, paidMinor: 2500, closingMinor: 800 },
      { currency: 'USD', openingMinor: 0, approvedMinor: 9000, cancelledMinor: 0, paidMinor: 9000, closingMinor: 0 },
    ]);
    const eur = s.lines.filter((l: { currency: string }) => l.currency === 'EUR');
    expect(
      eur.map((l: { date: string; kind: string; amountMinor: number; balanceMinor: number }) => [
        l.date,
        l.kind,
        l.amountMinor,
        l.balanceMinor,
      ]),
    ).toEqual([
      ['2026-01-10', 'approved', 2500, 3000],
      ['2026-01-20', 'paid', -2500, 500],
      ['2026-02-01', 'approved', 700, 1200],
      ['2026-02-03', 'cancelled', -700, 500],
      ['2026-03-01', 'approved', 300, 800],
    ]);
    expect(s.lines.find((l: { kind: string }) => l.kind === 'paid').reference).toBe('WISE-77');
    // The same statement as the company's staff see it, naming the contractor.
    const staff = await clientFor(t, w.aViewer).get(`/api/money/statement?contractorId=${w.contractorX}&from=2026-01-01&to=2026-06-30`);
    expect(staff.json().totals).toEqual(s.totals);
  });

  it('closes a statement that ends today on the balance', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const s = (await clientFor(t, w.xAdmin).get(`/api/money/statement?organizationId=${w.orgA}&from=2025-01-01&to=${today}`)).json();
    expect(s.totals.find((x: { currency: string }) => x.currency === 'EUR').closingMinor).toBe(4800);
  });

  it('refuses bad periods and parties the actor has no engagement with', async () => {
    const x = clientFor(t, w.xAdmin);
    const back = await x.get(`/api/money/statement?organizationId=${w.orgA}&from=2026-02-01&to=2026-01-01`);
    expect(back.statusCode).toBe(400);
    expect(back.json().details.fieldErrors[0].path).toBe('querystring.to');
    expect((await x.get(`/api/money/statement?organizationId=${w.orgA}&from=2020-01-01&to=2026-01-01`)).statusCode).toBe(400);
    expect((await x.get(`/api/money/statement?organizationId=${w.orgA}&from=2026-02-30&to=2026-03-01`)).statusCode).toBe(400);
    expect((await x.get('/api/money/statement?from=2026-01-01&to=2026-02-01')).statusCode).toBe(404);
    expect(
      (await clientFor(t, w.yAdmin).get(`/api/money/statement?organizationId=${w.orgA}&from=2026-01-01&to=2026-02-01`)).statusCode,
    ).toBe(404);
    expect(
      (await clientFor(t, w.bOwner).get(`/api/money/statement?contractorId=${w.contractorY}&from=2026-01-01&to=2026-02-01`)).statusCode,
    ).toBe(200);
    expect(
      (await clientFor(t, w.aOwner).get(`/api/money/statement?contractorId=${w.contractorY}&from=2026-01-01&to=2026-02-01`)).statusCode,
    ).toBe(404);
    expect((await clientFor(t, w.xTech).get(`/api/money/payments.csv?organizationId=${w.orgA}`)).statusCode).toBe(404);
    expect((await clientFor(t, w.aOwner).get(`/api/money/payments.csv?contractorId=${w.contractorY}`)).statusCode).toBe(404);
  });

  it('exports the statement as CSV with formula cells neutralised', async () => {
    const res = await clientFor(t, w.xAdmin).get(`/api/money/statement.csv?organizationId=${w.orgA}&from=2026-01-01&to=2026-06-30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="statement-Contractor-X-.*\.csv"$/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Date,Entry,Description,Method,Reference,Currency,Amount,Balance,Payment status,Payment id');
    expect(lines).toContain(lines.find((l) => l.startsWith('2026-01-20,Paid,Paid: January design,Wise,WISE-77,EUR,-25.00,5.00,sent,')));
    expect(res.body).toContain('Payment entered: =HYPERLINK');
    const history = (await clientFor(t, w.xAdmin).get(`/api/money/payments.csv?organizationId=${w.orgA}`)).body;
    expect(history).toContain(`"'=HYPERLINK(""http://evil"",""US work"")"`);
    expect(history).not.toMatch(/(^|,)"?=/m);
  });

  it('exports the statement as a PDF with both parties, the payment, totals and page numbers', async () => {
    const res = await clientFor(t, w.xAdmin).get(`/api/money/statement.pdf?organizationId=${w.orgA}&from=2026-01-01&to=2026-06-30`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await extractPdfText(res.rawPayload)).join(' ');
    expect(text).toContain('Xavier Consulting Ltd');
    expect(text).toContain('IE1234567X');
    expect(text).toContain(`Org A ${w.suffix}`);
    expect(text).toContain('Paid: January design');
    expect(text).toContain('WISE-77');
    expect(text).toContain('Closing balance EUR 8.00 EUR');
    expect(text).toContain('Page 1 of');
  });

  it("exports payment history for both sides, never another party's rows", async () => {
    const staffCsv = (await clientFor(t, w.aFinance).get('/api/money/payments.csv')).body;
    const rows = staffCsv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows).toHaveLength(1 + 3);
    expect(staffCsv).not.toContain('Contractor Y');
    const x = (await clientFor(t, w.xAdmin).get(`/api/money/payments.csv?organizationId=${w.orgA}&from=2026-01-01`)).body;
    expect(x.trim().split('\r\n')).toHaveLength(1 + 2);
    expect(x).toContain('US work');
    expect((await clientFor(t, w.xAdmin).get(`/api/money/payments.csv?organizationId=${w.orgB}`)).body.trim().split('\r\n')).toHaveLength(
      1,
    );
    const pdf = await clientFor(t, w.aOwner).get(`/api/money/payments.pdf?contractorId=${w.contractorX}&to=2026-12-31`);
    expect(pdf.statusCode).toBe(200);
    const text = (await extractPdfText(pdf.rawPayload)).join(' ');
    expect(text).toContain('January design');
    expect(text).toContain('Total USD 90.00 USD');
    expect(text).toContain('Page 1 of 1');
  });
});
