import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, paymentNotes } from '../../db/schema/index.ts';
import { createDraft, createSentPayment, uploadProofId } from '../../test/payments.fixtures.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('payments: the contractor confirms or disputes', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  async function typesFor(userId: string, paymentId: string) {
    const rows = await t.db
      .select({ type: notifications.type })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.link, `/app/payments/${paymentId}`)));
    return rows.map((r) => r.type);
  }

  it('confirms receipt of a sent payment (audited, the payers told); confirming again or a draft is 409 with the status', async () => {
    const draft = await createDraft(t, w);
    const early = await clientFor(t, w.xAdmin).post(`/api/payments/${draft}/confirm-receipt`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().details.currentStatus).toBe('draft');
    const id = await createSentPayment(t, w);
    expect((await clientFor(t, w.aFinance).post(`/api/payments/${id}/confirm-receipt`, {})).statusCode).toBe(403);
    const res = await clientFor(t, w.xOffice).post(`/api/payments/${id}/confirm-receipt`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('received');
    expect(res.json().receivedAt).not.toBeNull();
    const [audit] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, 'payment.confirm_receipt')));
    expect(audit?.actorUserId).toBe(w.xOffice.userId);
    expect(await typesFor(w.aOwner.userId, id)).toContain('payment.confirmed');
    const twice = await clientFor(t, w.xAdmin).post(`/api/payments/${id}/confirm-receipt`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details.currentStatus).toBe('received');
  });

  it('disputes with a note; a second dispute is 409; the company answers with more proof and resolves as sent; then the contractor confirms', async () => {
    const id = await createSentPayment(t, w);
    const contractor = clientFor(t, w.xAdmin);
    expect((await contractor.post(`/api/payments/${id}/dispute`, { body: '' })).statusCode).toBe(400);
    const disputed = await contractor.post(`/api/payments/${id}/dispute`, { body: 'Nothing arrived on my account' });
    expect(disputed.json()).toMatchObject({ status: 'disputed', notes: [{ side: 'contractor', body: 'Nothing arrived on my account' }] });
    expect(await typesFor(w.aFinance.userId, id)).toContain('payment.disputed');
    const twice = await contractor.post(`/api/payments/${id}/dispute`, { body: 'Still nothing' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details.currentStatus).toBe('disputed');

    const finance = clientFor(t, w.aFinance);
    const more = await uploadProofId(t, w.aFinance, { engagementId: w.engagementAX });
    const answered = await finance.post(`/api/payments/${id}/notes`, { body: 'Here is the bank confirmation', fileId: more });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().notes.at(-1)).toMatchObject({ side: 'company', file: { id: more } });
    expect((await clientFor(t, w.aViewer).post(`/api/payments/${id}/notes`, { body: 'Hi' })).statusCode).toBe(403);
    const resolved = await finance.post(`/api/payments/${id}/resolve-as-sent`, { body: 'The transfer was delivered on the 2nd' });
    expect(resolved.json()).toMatchObject({ status: 'sent', abilities: { addNote: false } });
    const told = await t.db
      .select({ type: notifications.type })
      .from(notifications)
      .where(and(eq(notifications.userId, w.xAdmin.userId), eq(notifications.link, `/portal/payments/${id}`)));
    expect(told.map((r) => r.type)).toEqual(expect.arrayContaining(['payment.note', 'payment.dispute_resolved']));
    const notes = await t.db.select().from(paymentNotes).where(eq(paymentNotes.paymentId, id));
    expect(notes).toHaveLength(3);
    const noteAfter = await finance.post(`/api/payments/${id}/notes`, { body: 'One more' });
    expect(noteAfter.statusCode).toBe(409);
    expect((await contractor.post(`/api/payments/${id}/confirm-receipt`, {})).json().status).toBe('received');
  });

  it('resolves as received by the contractor who found the money, or by staff; not by managers', async () => {
    const id = await createSentPayment(t, w);
    await clientFor(t, w.xAdmin).post(`/api/payments/${id}/dispute`, { body: 'Where is it?' });
    expect((await clientFor(t, w.aManager).post(`/api/payments/${id}/resolve-as-received`, { body: 'x' })).statusCode).toBe(403);
    expect((await clientFor(t, w.xOffice).post(`/api/payments/${id}/resolve-as-sent`, { body: 'x' })).statusCode).toBe(403);
    const res = await clientFor(t, w.xOffice).post(`/api/payments/${id}/resolve-as-received`, { body: 'Found it, sorry' });
    expect(res.json()).toMatchObject({ status: 'received' });
    expect(await typesFor(w.aOwner.userId, id)).toContain('payment.dispute_resolved');
  });

  it('keeps the dispute from other contractors and other organizations (404)', async () => {
    const id = await createSentPayment(t, w);
    expect((await clientFor(t, w.yAdmin).post(`/api/payments/${id}/dispute`, { body: 'Mine?' })).statusCode).toBe(404);
    expect((await clientFor(t, w.bOwner).get(`/api/payments/${id}`)).statusCode).toBe(404);
    expect((await clientFor(t, w.xTech).get(`/api/payments/${id}`)).statusCode).toBe(404);
    expect((await clientFor(t, w.xTech).get('/api/payments')).json().items).toEqual([]);
  });
});
