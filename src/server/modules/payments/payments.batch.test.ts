import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { contractors, files, paymentBatches, payments } from '../../db/schema/index.ts';
import { createDraft, createSentPayment, uploadProofId } from '../../test/payments.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('payments: batches', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    // A payee name a spreadsheet would run as a formula.
    await t.db.update(contractors).set({ name: '=HYPERLINK("http://evil")' }).where(eq(contractors.id, w.contractorX));
  });

  it('sends many drafts in one transaction with one proof for all, each payment getting its own copy; the CSV is neutralized', async () => {
    const ids = [
      await createDraft(t, w, { amountMinor: 10_000 }),
      await createDraft(t, w, { amountMinor: 20_050 }),
      await createDraft(t, w, { amountMinor: 7, currency: 'JPY' }),
    ];
    const batchProof = await uploadProofId(t, w.aFinance);
    const own = await uploadProofId(t, w.aFinance, { engagementId: w.engagementAX });
    const res = await clientFor(t, w.aFinance).post('/api/payments/batches', {
      method: 'payoneer',
      sentOn: '2026-12-01',
      expectedOn: '2026-12-02',
      proofFileId: batchProof,
      items: [
        { paymentId: ids[0], amountMinor: 10_000, reference: 'B-1' },
        { paymentId: ids[1], amountMinor: 20_050, reference: '-B2', proofFileId: own },
        { paymentId: ids[2], amountMinor: 7, reference: 'B-3' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.batch).toMatchObject({ method: 'payoneer', paymentCount: 3, expectedOn: '2026-12-02' });
    expect(body.items.map((p: { status: string }) => p.status)).toEqual(['sent', 'sent', 'sent']);
    expect(body.items[1].proof.id).toBe(own);
    const copies = [body.items[0].proof.id, body.items[2].proof.id];
    expect(new Set(copies).size).toBe(2);
    expect(copies).not.toContain(batchProof);
    const copyRows = await t.db.select().from(files).where(inArray(files.id, copies));
    expect(copyRows.every((f) => f.contractorId === w.contractorX && f.organizationId === w.orgA)).toBe(true);
    expect((await clientFor(t, w.xAdmin).get(`/api/files/${copies[0]}/download`)).statusCode).toBe(200);
    expect((await clientFor(t, w.xAdmin).get(`/api/files/${batchProof}`)).statusCode).toBe(404);

    const csv = await clientFor(t, w.aManager).get(`/api/payments/batches/${body.batch.id}/csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="payment-batch-2026-12-01-/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('payee,amount,currency,reference');
    expect(lines.slice(1)).toEqual([
      `"'=HYPERLINK(""http://evil"")",100.00,EUR,B-1`,
      `"'=HYPERLINK(""http://evil"")",200.50,EUR,'-B2`,
      `"'=HYPERLINK(""http://evil"")",7,JPY,B-3`,
    ]);
    expect((await clientFor(t, w.xAdmin).get(`/api/payments/batches/${body.batch.id}/csv`)).statusCode).toBe(404);
  });

  it('sends none when one of them is not a draft (409 naming it) or not visible (404)', async () => {
    const draft = await createDraft(t, w);
    const sent = await createSentPayment(t, w);
    const [before] = await t.db.select({ n: count() }).from(paymentBatches).where(eq(paymentBatches.organizationId, w.orgA));
    const items = (ids: string[]) => ids.map((paymentId) => ({ paymentId, amountMinor: 150_000, reference: 'R' }));
    const conflict = await clientFor(t, w.aFinance).post('/api/payments/batches', {
      method: 'wise',
      sentOn: '2026-12-01',
      items: items([draft, sent]),
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().details).toMatchObject({ paymentId: sent, currentStatus: 'sent' });
    const [theirs] = await t.db.select({ id: payments.id }).from(payments).where(eq(payments.organizationId, w.orgB)).limit(1);
    const foreign = theirs?.id ?? '00000000-0000-4000-8000-000000000000';
    const missing = await clientFor(t, w.aFinance).post('/api/payments/batches', {
      method: 'wise',
      sentOn: '2026-12-01',
      items: items([draft, foreign]),
    });
    expect(missing.statusCode).toBe(404);
    const [row] = await t.db.select({ status: payments.status }).from(payments).where(eq(payments.id, draft));
    expect(row?.status).toBe('draft');
    expect(await t.db.select({ n: count() }).from(paymentBatches).where(eq(paymentBatches.organizationId, w.orgA))).toEqual([before]);
  });

  it('refuses a batch proof that belongs to an engagement, duplicates, managers and more than 500 items', async () => {
    const draft = await createDraft(t, w);
    const engagementFile = await uploadProofId(t, w.aFinance, { engagementId: w.engagementAX });
    const item = { paymentId: draft, amountMinor: 150_000, reference: 'R' };
    const finance = clientFor(t, w.aFinance);
    const proof = await finance.post('/api/payments/batches', {
      method: 'wise',
      sentOn: '2026-12-01',
      proofFileId: engagementFile,
      items: [item],
    });
    expect(proof.statusCode).toBe(400);
    expect(proof.json().details.fieldErrors[0].path).toBe('proofFileId');
    const twice = await finance.post('/api/payments/batches', { method: 'wise', sentOn: '2026-12-01', items: [item, item] });
    expect(twice.statusCode).toBe(400);
    const many = Array.from({ length: 501 }, () => item);
    expect((await finance.post('/api/payments/batches', { method: 'wise', sentOn: '2026-12-01', items: many })).statusCode).toBe(400);
    expect(
      (await clientFor(t, w.aManager).post('/api/payments/batches', { method: 'wise', sentOn: '2026-12-01', items: [item] })).statusCode,
    ).toBe(403);
  });
});
