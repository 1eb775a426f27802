import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, files, milestones, notifications, payments } from '../../db/schema/index.ts';
import { createDraft, createSentPayment, pdfBytes, sendBody, uploadProof, uploadProofId } from '../../test/payments.fixtures.ts';
import { raceTitle } from '../../test/race.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { createActiveContract, createSubmittedMilestone } from '../../test/work.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

async function statusOf(t: TestApp, id: string) {
  const [row] = await t.db.select({ status: payments.status }).from(payments).where(eq(payments.id, id));
  return row?.status;
}

describe('payments: drafts and sending', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  describe('a draft by hand', () => {
    it('is created by finance, admins and owners, with what it is for; managers and viewers read only', async () => {
      const id = await createDraft(t, w, { description: 'Expenses for November' });
      const read = await clientFor(t, w.aManager).get(`/api/payments/${id}`);
      expect(read.json()).toMatchObject({
        status: 'draft',
        source: 'manual',
        description: 'Expenses for November',
        amountMinor: 150_000,
        currency: 'EUR',
        createdByName: 'A Finance',
        abilities: { send: false, cancel: false },
      });
      expect(read.headers.etag).toBe('"1"');
      expect((await clientFor(t, w.aFinance).get(`/api/payments/${id}`)).json().abilities).toMatchObject({ send: true, cancel: true });
      for (const who of [w.aManager, w.aViewer, w.xAdmin]) {
        const res = await clientFor(t, who).post('/api/payments', {
          engagementId: w.engagementAX,
          amountMinor: 100,
          currency: 'EUR',
          description: 'Nope',
        });
        expect(res.statusCode, who.email).toBe(403);
      }
    });

    it.each([
      ['a zero amount', { amountMinor: 0 }, 'body.amountMinor'],
      ['an unknown currency', { currency: 'XYZ' }, 'body.currency'],
      ['no description', { description: ' ' }, 'body.description'],
      ['a description over 500 characters', { description: 'x'.repeat(501) }, 'body.description'],
      ['an unknown field', { method: 'wise' }, 'body'],
    ])('refuses %s with 400, writing nothing', async (_label, change, path) => {
      const [before] = await t.db.select({ n: count() }).from(payments).where(eq(payments.organizationId, w.orgA));
      const res = await clientFor(t, w.aFinance).post('/api/payments', {
        engagementId: w.engagementAX,
        amountMinor: 100,
        currency: 'EUR',
        description: 'Bad',
        ...change,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe(path);
      expect(await t.db.select({ n: count() }).from(payments).where(eq(payments.organizationId, w.orgA))).toEqual([before]);
    });

    it("is 404 for another organization's engagement", async () => {
      const res = await clientFor(t, w.aFinance).post('/api/payments', {
        engagementId: w.engagementBY,
        amountMinor: 100,
        currency: 'EUR',
        description: 'Not ours',
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('send', () => {
    it('records method, reference, proof, dates; tells the contractor, who sees and downloads the proof', async () => {
      const id = await createDraft(t, w, { amountMinor: 250_000 });
      const proof = await uploadProofId(t, w.aFinance, { engagementId: w.engagementAX, content: pdfBytes });
      const res = await clientFor(t, w.aFinance).post(
        `/api/payments/${id}/send`,
        sendBody(250_000, { method: 'bank_transfer', reference: 'SEPA-77', proofFileId: proof, expectedOn: '2026-12-04' }),
      );
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'sent',
        method: 'bank_transfer',
        reference: 'SEPA-77',
        sentOn: '2026-12-01',
        expectedOn: '2026-12-04',
        sentByName: 'A Finance',
        proof: { id: proof, mime: 'application/pdf' },
        abilities: { send: false, cancel: false, adjust: true },
      });
      const contractor = clientFor(t, w.xOffice);
      const seen = (await contractor.get(`/api/payments/${id}`)).json();
      expect(seen.abilities).toMatchObject({ confirmReceipt: true, dispute: true, adjust: false });
      const download = await contractor.get(`/api/files/${proof}/download?inline=1`);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect((await clientFor(t, w.yAdmin).get(`/api/files/${proof}/download`)).statusCode).toBe(404);
      const [told] = await t.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, w.xOffice.userId),
            eq(notifications.type, 'payment.sent'),
            eq(notifications.link, `/portal/payments/${id}`),
          ),
        );
      expect(told?.title).toBe('Payment sent: €2,500.00');
      expect(told?.body).toMatch(/Bank transfer.*SEPA-77.*2026-12-04.*proof/);
    });

    it('moves the milestone of the payment to paid in the same transaction', async () => {
      const contractId = await createActiveContract(t, w);
      const milestoneId = await createSubmittedMilestone(t, w, contractId);
      expect((await clientFor(t, w.aOwner).post(`/api/milestones/${milestoneId}/approve`, {})).statusCode).toBe(200);
      const [draft] = await t.db.select().from(payments).where(eq(payments.milestoneId, milestoneId));
      expect(draft).toMatchObject({ status: 'draft', source: 'milestone' });
      expect(draft!.description).toBeTruthy();
      const res = await clientFor(t, w.aFinance).post(`/api/payments/${draft!.id}/send`, sendBody(draft!.amountMinor));
      expect(res.statusCode).toBe(200);
      const [milestone] = await t.db.select({ status: milestones.status }).from(milestones).where(eq(milestones.id, milestoneId));
      expect(milestone?.status).toBe('paid');
      const events = await t.db
        .select({ action: auditEvents.action, actor: auditEvents.actorUserId })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, milestoneId));
      expect(events).toContainEqual({ action: 'milestone.mark_paid', actor: w.aFinance.userId });
    });

    it.each([
      ['an amount other than the one recorded', { amountMinor: 150_001 }, 'amountMinor'],
      ['an unknown method', { method: 'cash' }, 'body.method'],
      ['no reference', { reference: '' }, 'body.reference'],
      ['an expected arrival before the sent date', { expectedOn: '2026-11-30' }, 'body.expectedOn'],
      ['a date that does not exist', { sentOn: '2026-02-30' }, 'body.sentOn'],
    ])('refuses %s with 400 and leaves the draft', async (_label, change, path) => {
      const id = await createDraft(t, w);
      const res = await clientFor(t, w.aFinance).post(`/api/payments/${id}/send`, { ...sendBody(), ...change });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe(path);
      expect(await statusOf(t, id)).toBe('draft');
    });

    it("refuses a proof that is another engagement's file or not an image or PDF", async () => {
      const id = await createDraft(t, w);
      const other = await uploadProofId(t, w.bOwner, { engagementId: w.engagementBY });
      const res = await clientFor(t, w.aFinance).post(`/api/payments/${id}/send`, sendBody(150_000, { proofFileId: other }));
      expect(res.statusCode).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe('proofFileId');
      const text = await clientFor(t, w.aFinance).request('POST', `/api/files?engagementId=${w.engagementAX}`, undefined, {
        payload: Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n--b--\r\n'),
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      });
      const notProof = await clientFor(t, w.aFinance).post(`/api/payments/${id}/send`, sendBody(150_000, { proofFileId: text.json().id }));
      expect(notProof.statusCode).toBe(400);
      expect(await statusOf(t, id)).toBe('draft');
    });

    it('answers a proof upload over the limit with 413 and one not an image or PDF with 400, storing nothing', async () => {
      const [before] = await t.db.select({ n: count() }).from(files).where(eq(files.organizationId, w.orgA));
      const big = await uploadProof(t, w.aFinance, {
        engagementId: w.engagementAX,
        content: Buffer.alloc(t.config.UPLOAD_MAX_BYTES + 1, 7),
      });
      expect(big.statusCode).toBe(413);
      const zip = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200, 0)]);
      const wrong = await uploadProof(t, w.aFinance, { engagementId: w.engagementAX, content: zip, name: 'proof.pdf' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().details.fieldErrors[0].path).toBe('file');
      const plain = await uploadProof(t, w.aFinance, { engagementId: w.engagementAX, content: Buffer.from('just text'), name: 'p.png' });
      expect(plain.statusCode).toBe(400);
      expect(await t.db.select({ n: count() }).from(files).where(eq(files.organizationId, w.orgA))).toEqual([before]);
      const { createHash } = await import('node:crypto');
      expect(await t.storage.has(createHash('sha256').update(zip).digest('hex'))).toBe(false);
    });

    it('is refused to managers, viewers and contractors (403 or 404), and a second send is 409 with the status', async () => {
      const id = await createDraft(t, w);
      for (const who of [w.aManager, w.aViewer])
        expect((await clientFor(t, who).post(`/api/payments/${id}/send`, sendBody())).statusCode, who.email).toBe(403);
      expect((await clientFor(t, w.xAdmin).post(`/api/payments/${id}/send`, sendBody())).statusCode).toBe(403);
      expect((await clientFor(t, w.aFinance).post(`/api/payments/${id}/send`, sendBody())).statusCode).toBe(200);
      const again = await clientFor(t, w.aAdmin).post(`/api/payments/${id}/send`, sendBody());
      expect(again.statusCode).toBe(409);
      expect(again.json().details.currentStatus).toBe('sent');
    });

    it(raceTitle('sends a draft once when 50 sends arrive at the same time'), async () => {
      const id = await createDraft(t, w);
      const finance = clientFor(t, w.aFinance);
      const results = await Promise.all(Array.from({ length: 50 }, () => finance.post(`/api/payments/${id}/send`, sendBody())));
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 200)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(49);
      const sends = await t.db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'payment.send')));
      expect(sends).toEqual([{ n: 1 }]);
    });
  });

  describe('cancel and adjust', () => {
    it('cancels a draft with a reason the contractor sees; a sent payment cannot be cancelled', async () => {
      const id = await createDraft(t, w);
      expect((await clientFor(t, w.aFinance).post(`/api/payments/${id}/cancel`, { reason: '' })).statusCode).toBe(400);
      expect((await clientFor(t, w.aManager).post(`/api/payments/${id}/cancel`, { reason: 'No' })).statusCode).toBe(403);
      const res = await clientFor(t, w.aFinance).post(`/api/payments/${id}/cancel`, { reason: 'Entered twice' });
      expect(res.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Entered twice' });
      expect((await clientFor(t, w.xAdmin).get(`/api/payments/${id}`)).json().cancelReason).toBe('Entered twice');
      const sent = await createSentPayment(t, w);
      const refused = await clientFor(t, w.aFinance).post(`/api/payments/${sent}/cancel`, { reason: 'Too late' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().details.currentStatus).toBe('sent');
    });

    it('corrects a sent payment with a new draft linked to it, in its currency; a draft is not adjusted', async () => {
      const sent = await createSentPayment(t, w, 100_000);
      const res = await clientFor(t, w.aFinance).post(`/api/payments/${sent}/adjustments`, {
        amountMinor: 5_000,
        description: 'Missed fee',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({
        status: 'draft',
        source: 'adjustment',
        adjustsPaymentId: sent,
        currency: 'EUR',
        amountMinor: 5_000,
      });
      expect((await clientFor(t, w.aFinance).get(`/api/payments/${sent}`)).json().adjustments).toEqual([
        { id: res.json().id, amountMinor: 5_000, currency: 'EUR', status: 'draft' },
      ]);
      const draft = await createDraft(t, w);
      const refused = await clientFor(t, w.aFinance).post(`/api/payments/${draft}/adjustments`, { amountMinor: 5_000, description: 'No' });
      expect(refused.statusCode).toBe(409);
      expect(
        (await clientFor(t, w.aFinance).post(`/api/payments/${sent}/adjustments`, { amountMinor: -5, description: 'x' })).statusCode,
      ).toBe(400);
    });
  });
});
