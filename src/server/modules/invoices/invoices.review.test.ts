import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { notifications, payments, statusChanges } from '../../db/schema/index.ts';
import { createApprovedMilestone, invoiceBody, submitFreeInvoice, uploadInvoiceFile } from '../../test/invoicing.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('invoices: review, corrections, payments', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  const paymentsOf = (invoiceId: string) => t.db.select().from(payments).where(eq(payments.invoiceId, invoiceId));

  it('approves with ONE draft for the free lines and tax, linking the milestone’s own draft (no double payment)', async () => {
    const milestone = await createApprovedMilestone(t, w);
    const fileId = await uploadInvoiceFile(t, w);
    const body = invoiceBody(
      w,
      [
        { description: 'Milestone', quantityMilli: 1000, unitAmountMinor: milestone.amountMinor, milestoneId: milestone.id },
        { description: 'Extra revisions', quantityMilli: 3000, unitAmountMinor: 5_000 },
      ],
      { fileId, taxRateBp: 1000 },
    );
    const invoice = (await clientFor(t, w.xAdmin).post('/api/invoices', body)).json();
    expect(invoice.totalMinor).toBe(Math.round((milestone.amountMinor + 15_000) * 1.1));
    const [milestonePayment] = await t.db.select().from(payments).where(eq(payments.milestoneId, milestone.id));
    expect(milestonePayment?.invoiceId).toBeNull();

    expect((await clientFor(t, w.aManager).post(`/api/invoices/${invoice.id}/approve`, {})).statusCode).toBe(403);
    expect((await clientFor(t, w.xAdmin).post(`/api/invoices/${invoice.id}/approve`, {})).statusCode).toBe(403);
    const approved = await clientFor(t, w.aFinance).post(`/api/invoices/${invoice.id}/approve`, { note: 'Thanks' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedByName: expect.any(String) });

    const settling = await paymentsOf(invoice.id);
    expect(settling).toHaveLength(2);
    const own = settling.find((p) => p.source === 'invoice')!;
    expect(own).toMatchObject({ status: 'draft', amountMinor: invoice.totalMinor - milestone.amountMinor, currency: 'EUR' });
    expect(settling.find((p) => p.source === 'milestone')?.id).toBe(milestonePayment?.id);
    expect(settling.reduce((sum, p) => sum + p.amountMinor, 0)).toBe(invoice.totalMinor);
    expect(approved.json().payments).toHaveLength(2);

    const again = await clientFor(t, w.aOwner).post(`/api/invoices/${invoice.id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().details.currentStatus).toBe('approved');
    expect(await paymentsOf(invoice.id)).toHaveLength(2);
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, w.xOffice.userId));
    expect(told.some((n) => n.type === 'invoice.approved' && n.link === `/portal/invoices/${invoice.id}`)).toBe(true);
  });

  it('becomes paid only when none of its payments is still a draft (sent through the payments API)', async () => {
    const milestone = await createApprovedMilestone(t, w);
    const fileId = await uploadInvoiceFile(t, w);
    const line = { description: 'Milestone', quantityMilli: 1000, unitAmountMinor: milestone.amountMinor, milestoneId: milestone.id };
    const invoice = (await clientFor(t, w.xAdmin).post('/api/invoices', invoiceBody(w, [line], { fileId, taxRateBp: 500 }))).json();
    await clientFor(t, w.aOwner).post(`/api/invoices/${invoice.id}/approve`, {});
    const [first, second] = (await paymentsOf(invoice.id)).sort((a, b) => a.source.localeCompare(b.source) * -1);
    const send = (id: string, amountMinor: number) =>
      clientFor(t, w.aFinance).post(`/api/payments/${id}/send`, {
        amountMinor,
        method: 'wise',
        reference: `R-${id.slice(0, 6)}`,
        sentOn: '2026-12-01',
      });
    expect((await send(first!.id, first!.amountMinor)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).get(`/api/invoices/${invoice.id}`)).json().status).toBe('approved');
    const last = await send(second!.id, second!.amountMinor);
    expect(last.statusCode, last.body).toBe(200);
    const paid = (await clientFor(t, w.xAdmin).get(`/api/invoices/${invoice.id}`)).json();
    expect(paid.status).toBe('paid');
    expect(paid.paidAt).not.toBeNull();
    const history = await t.db.select().from(statusChanges).where(eq(statusChanges.entityId, invoice.id));
    expect(history.map((h) => h.event).sort()).toEqual(['approve', 'mark_paid']);
  });

  it('rejects with a reason; the contractor sees it and submits one correction linked to the first, reusing the number', async () => {
    const first = await submitFreeInvoice(t, w, { number: 'COR-1' });
    expect((await clientFor(t, w.aFinance).post(`/api/invoices/${first.id}/reject`, { reason: '' })).statusCode).toBe(400);
    const rejected = await clientFor(t, w.aAdmin).post(`/api/invoices/${first.id}/reject`, { reason: 'Wrong VAT number' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const seen = (await clientFor(t, w.xOffice).get(`/api/invoices/${first.id}`)).json();
    expect(seen).toMatchObject({ status: 'rejected', rejectReason: 'Wrong VAT number', abilities: { correct: true, withdraw: false } });
    const told = await t.db.select().from(notifications).where(eq(notifications.userId, w.xAdmin.userId));
    expect(told.some((n) => n.type === 'invoice.rejected' && n.body.includes('Wrong VAT number'))).toBe(true);
    expect(await paymentsOf(first.id)).toHaveLength(0);

    const correction = await submitFreeInvoice(t, w, { number: 'COR-1', correctsInvoiceId: first.id });
    const detail = (await clientFor(t, w.aFinance).get(`/api/invoices/${correction.id}`)).json();
    expect(detail).toMatchObject({ correctsInvoiceId: first.id, correctsInvoiceNumber: 'COR-1', status: 'submitted' });
    const original = (await clientFor(t, w.xAdmin).get(`/api/invoices/${first.id}`)).json();
    expect(original).toMatchObject({ correctedByInvoiceId: correction.id, abilities: { correct: false } });

    const fileId = await uploadInvoiceFile(t, w);
    const twice = await clientFor(t, w.xAdmin).post(
      '/api/invoices',
      invoiceBody(w, [{ description: 'x', quantityMilli: 1000, unitAmountMinor: 9 }], { fileId, correctsInvoiceId: first.id }),
    );
    expect(twice.statusCode).toBe(409);
    const notRejected = await clientFor(t, w.xAdmin).post(
      '/api/invoices',
      invoiceBody(w, [{ description: 'x', quantityMilli: 1000, unitAmountMinor: 9 }], { fileId, correctsInvoiceId: correction.id }),
    );
    expect(notRejected.statusCode).toBe(409);
    expect(notRejected.json().details.currentStatus).toBe('submitted');
    expect((await clientFor(t, w.aOwner).post(`/api/invoices/${first.id}/approve`, {})).statusCode).toBe(409);
  });

  it('lets the contractor withdraw before review, which frees its milestones; staff cannot withdraw', async () => {
    const milestone = await createApprovedMilestone(t, w);
    const fileId = await uploadInvoiceFile(t, w);
    const line = { description: 'Milestone', quantityMilli: 1000, unitAmountMinor: milestone.amountMinor, milestoneId: milestone.id };
    const invoice = (await clientFor(t, w.xAdmin).post('/api/invoices', invoiceBody(w, [line], { fileId }))).json();
    expect((await clientFor(t, w.aOwner).post(`/api/invoices/${invoice.id}/withdraw`, {})).statusCode).toBe(403);
    const withdrawn = await clientFor(t, w.xOffice).post(`/api/invoices/${invoice.id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await clientFor(t, w.xOffice).post(`/api/invoices/${invoice.id}/withdraw`, {})).statusCode).toBe(409);
    const again = await clientFor(t, w.xAdmin).post('/api/invoices', invoiceBody(w, [line], { fileId, number: invoice.number }));
    expect(again.statusCode, again.body).toBe(201);
  });

  it('pays a milestone invoice at once when the milestone’s payment was already sent, and makes no draft for it', async () => {
    const milestone = await createApprovedMilestone(t, w);
    const [draft] = await t.db.select().from(payments).where(eq(payments.milestoneId, milestone.id));
    const sent = await clientFor(t, w.aFinance).post(`/api/payments/${draft!.id}/send`, {
      amountMinor: draft!.amountMinor,
      method: 'bank_transfer',
      reference: 'EARLY',
      sentOn: '2026-12-01',
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const fileId = await uploadInvoiceFile(t, w);
    const line = { description: 'Milestone', quantityMilli: 1000, unitAmountMinor: milestone.amountMinor, milestoneId: milestone.id };
    const invoice = (await clientFor(t, w.xAdmin).post('/api/invoices', invoiceBody(w, [line], { fileId }))).json();
    expect(invoice.lines[0].milestone.status).toBe('paid');
    const approved = (await clientFor(t, w.aOwner).post(`/api/invoices/${invoice.id}/approve`, {})).json();
    expect(approved.status).toBe('paid');
    expect((await paymentsOf(invoice.id)).map((p) => p.id)).toEqual([draft!.id]);
  });

  it('lists with filters and pages without repeating a row', async () => {
    for (let i = 0; i < 3; i++) await submitFreeInvoice(t, w);
    const client = clientFor(t, w.aOwner);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
        await client.get(`/api/invoices?contractorId=${w.contractorX}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const rejectedOnly = (await client.get('/api/invoices?status=rejected')).json();
    expect(rejectedOnly.items.every((i: { status: string }) => i.status === 'rejected')).toBe(true);
    expect((await client.get('/api/invoices?limit=500')).statusCode).toBe(400);
  });
});
