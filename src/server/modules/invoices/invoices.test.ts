import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoiceLines, invoices, notifications } from '../../db/schema/index.ts';
import { createApprovedMilestone, invoiceBody, submitFreeInvoice, uploadInvoiceFile } from '../../test/invoicing.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { createActiveContract, createMilestone } from '../../test/work.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('invoices: submitting', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  const countInvoices = async () => (await t.db.select().from(invoices).where(eq(invoices.contractorId, w.contractorX))).length;

  it('takes a free-form invoice with an uploaded PDF, computes nothing differently, and tells finance', async () => {
    const fileId = await uploadInvoiceFile(t, w, w.xOffice);
    const body = invoiceBody(
      w,
      [
        { description: 'Design hours', quantityMilli: 1500, unitAmountMinor: 10_000 },
        { description: 'Travel', quantityMilli: 1000, unitAmountMinor: 4_999 },
      ],
      { fileId, taxRateBp: 2000, number: 'FREE-1' },
    );
    const res = await clientFor(t, w.xOffice).post('/api/invoices', body);
    expect(res.statusCode, res.body).toBe(201);
    const invoice = res.json();
    expect(invoice).toMatchObject({ number: 'FREE-1', status: 'submitted', subtotalMinor: 19_999, taxMinor: 4000, totalMinor: 23_999 });
    expect(invoice.lines.map((l: { amountMinor: number }) => l.amountMinor)).toEqual([15_000, 4_999]);
    expect(invoice.file.mime).toBe('application/pdf');
    expect(invoice.abilities).toEqual({ approve: false, reject: false, withdraw: true, correct: false });
    const told = await t.db.select().from(notifications).where(eq(notifications.type, 'invoice.submitted'));
    const toldUsers = told.filter((n) => n.link === `/app/invoices/${invoice.id}`).map((n) => n.userId);
    expect(toldUsers.sort()).toEqual([w.aOwner.userId, w.aAdmin.userId, w.aFinance.userId].sort());
    // Both sides list it; the company's finance sees approve and reject.
    const listed = (await clientFor(t, w.aFinance).get('/api/invoices?status=submitted')).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toContain(invoice.id);
    const detail = (await clientFor(t, w.aFinance).get(`/api/invoices/${invoice.id}`)).json();
    expect(detail.abilities).toEqual({ approve: true, reject: true, withdraw: false, correct: false });
    expect((await clientFor(t, w.aManager).get(`/api/invoices/${invoice.id}`)).json().abilities.approve).toBe(false);
  });

  it('refuses totals that do not add up, naming the line, and writes nothing', async () => {
    const fileId = await uploadInvoiceFile(t, w);
    const before = await countInvoices();
    const body = invoiceBody(
      w,
      [
        { description: 'A', quantityMilli: 1000, unitAmountMinor: 100 },
        { description: 'B', quantityMilli: 1500, unitAmountMinor: 100 },
      ],
      { fileId },
    );
    const wrongLine = { ...body, lines: [body.lines[0], { ...body.lines[1], amountMinor: 140 }] };
    const res = await clientFor(t, w.xAdmin).post('/api/invoices', wrongLine);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fieldErrors[0].path).toBe('lines.1.amountMinor');
    expect(res.json().detail).toContain('Line 2');
    const wrongTotal = await clientFor(t, w.xAdmin).post('/api/invoices', { ...body, totalMinor: body.totalMinor + 1 });
    expect(wrongTotal.statusCode).toBe(400);
    expect(wrongTotal.json().details.fieldErrors[0].path).toBe('totalMinor');
    const wrongTax = await clientFor(t, w.xAdmin).post('/api/invoices', { ...body, taxRateBp: 1000 });
    expect(wrongTax.json().details.fieldErrors[0].path).toBe('taxMinor');
    const dates = await clientFor(t, w.xAdmin).post('/api/invoices', { ...body, dueOn: '2026-11-01' });
    expect(dates.json().details.fieldErrors[0].path).toBe('dueOn');
    expect(await countInvoices()).toBe(before);
  });

  it('refuses a duplicate number with a 409 naming it, and a document that is neither PDF nor image', async () => {
    await submitFreeInvoice(t, w, { number: 'DUP-7' });
    const fileId = await uploadInvoiceFile(t, w);
    const again = await clientFor(t, w.xAdmin).post(
      '/api/invoices',
      invoiceBody(w, [{ description: 'x', quantityMilli: 1000, unitAmountMinor: 5 }], { fileId, number: 'DUP-7' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('DUP-7');
    expect(again.json().details.fieldErrors[0].path).toBe('number');
    const boundary = '----txt';
    const text = await clientFor(t, w.xAdmin).request('POST', `/api/files?engagementId=${w.engagementAX}`, undefined, {
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\njust text\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const res = await clientFor(t, w.xAdmin).post(
      '/api/invoices',
      invoiceBody(w, [{ description: 'x', quantityMilli: 1000, unitAmountMinor: 5 }], { fileId: text.json().id }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fieldErrors[0].path).toBe('fileId');
  });

  it('invoices approved milestones: same engagement, same currency, exact amount, one live invoice each', async () => {
    const contractId = await createActiveContract(t, w);
    const approved = await createApprovedMilestone(t, w, contractId);
    const open = await createMilestone(t, w, contractId);
    const fileId = await uploadInvoiceFile(t, w);
    const client = clientFor(t, w.xAdmin);
    const line = { description: 'Milestone', quantityMilli: 1000, unitAmountMinor: approved.amountMinor, milestoneId: approved.id };
    const usd = await client.post('/api/invoices', invoiceBody(w, [line], { fileId, currency: 'USD' }));
    expect(usd.statusCode).toBe(400);
    expect(usd.json().details.fieldErrors[0].path).toBe('currency');
    const notApproved = await client.post('/api/invoices', invoiceBody(w, [{ ...line, milestoneId: open }], { fileId }));
    expect(notApproved.statusCode).toBe(400);
    expect(notApproved.json().details.fieldErrors[0].path).toBe('lines.0.milestoneId');
    const wrongAmount = await client.post('/api/invoices', invoiceBody(w, [{ ...line, unitAmountMinor: 1 }], { fileId }));
    expect(wrongAmount.json().details.fieldErrors[0].path).toBe('lines.0.amountMinor');
    const twice = await client.post('/api/invoices', invoiceBody(w, [line, line], { fileId }));
    expect(twice.json().details.fieldErrors[0].path).toBe('lines.1.milestoneId');
    const billable = (await client.get(`/api/invoices/billable-milestones?engagementId=${w.engagementAX}`)).json();
    expect(billable.items.map((m: { id: string }) => m.id)).toContain(approved.id);
    const first = await client.post('/api/invoices', invoiceBody(w, [line], { fileId, number: 'MS-1' }));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().lines[0].milestone).toMatchObject({ id: approved.id, status: 'approved' });
    const second = await client.post('/api/invoices', invoiceBody(w, [line], { fileId, number: 'MS-2' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toContain('MS-1');
    const after = (await client.get(`/api/invoices/billable-milestones?engagementId=${w.engagementAX}`)).json();
    expect(after.items.map((m: { id: string }) => m.id)).not.toContain(approved.id);
  });

  it('lets only contractor members submit, and hides the engagement from everyone else (404)', async () => {
    const fileId = await uploadInvoiceFile(t, w);
    const body = invoiceBody(w, [{ description: 'x', quantityMilli: 1000, unitAmountMinor: 5 }], { fileId });
    expect((await clientFor(t, w.aOwner).post('/api/invoices', body)).statusCode).toBe(403);
    for (const stranger of [w.bOwner, w.yAdmin, w.xTech, w.yTech])
      expect((await clientFor(t, stranger).post('/api/invoices', body)).statusCode).toBe(404);
    const mine = await submitFreeInvoice(t, w);
    for (const stranger of [w.bOwner, w.yAdmin, w.xTech]) {
      expect((await clientFor(t, stranger).get(`/api/invoices/${mine.id}`)).statusCode).toBe(404);
      expect((await clientFor(t, stranger).get('/api/invoices')).body).not.toContain(mine.id);
    }
  });

  it('replays a retried submission with the same Idempotency-Key: one invoice, the same answer', async () => {
    const fileId = await uploadInvoiceFile(t, w);
    const body = invoiceBody(w, [{ description: 'Retry', quantityMilli: 1000, unitAmountMinor: 700 }], { fileId, number: 'IDEM-1' });
    const send = () => clientFor(t, w.xAdmin).request('POST', '/api/invoices', body, { headers: { 'idempotency-key': `inv-${w.suffix}` } });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const rows = await t.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.contractorId, w.contractorX), eq(invoices.number, 'IDEM-1')));
    expect(rows).toHaveLength(1);
    const lines = await t.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, first.json().id));
    expect(lines).toHaveLength(1);
  });
});
