import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, contractRevisions, notifications } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { createActiveContract, createMilestone } from '../../test/work.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

const base = {
  title: 'Website build',
  rateType: 'fixed',
  rateAmountMinor: 1_500_000,
  currency: 'EUR',
  startDate: '2026-02-01',
  endDate: '2026-12-31',
};

describe('contracts', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('creates a draft with sanitized scope; drafts change without revisions', async () => {
    const owner = clientFor(t, w.aOwner);
    const res = await owner.post('/api/contracts', {
      engagementId: w.engagementAX,
      ...base,
      scopeHtml: '<p>Pages</p><script>alert(1)</script><img src=x onerror=alert(1)>',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'draft',
      revision: 0,
      scopeHtml: '<p>Pages</p>',
      abilities: { edit: true, activate: true, renew: false },
    });
    const edited = await owner.edit(`/api/contracts/${res.json().id}`, { title: 'Website build v2', noticePeriodDays: 30 });
    expect(edited.json()).toMatchObject({ title: 'Website build v2', noticePeriodDays: 30, revision: 0 });
    expect((await owner.get(`/api/contracts/${res.json().id}/revisions`)).json().items).toEqual([]);
  });

  it('refuses bad terms with the field and the reason', async () => {
    const owner = clientFor(t, w.aOwner);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ endDate: '2026-01-01' }, 'endDate'],
      [{ currency: 'XYZ' }, 'body.currency'],
      [{ rateAmountMinor: -5 }, 'body.rateAmountMinor'],
      [{ rateAmountMinor: 10.5 }, 'body.rateAmountMinor'],
      [{ startDate: '2026-02-30' }, 'body.startDate'],
      [{ rateType: 'weekly' }, 'body.rateType'],
      [{ title: 'x'.repeat(201) }, 'body.title'],
    ];
    for (const [change, path] of cases) {
      const res = await owner.post('/api/contracts', { engagementId: w.engagementAX, ...base, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe(path);
    }
  });

  it('activates as revision 1, revises on every later change, and the contractor acknowledges', async () => {
    const id = await createActiveContract(t, w);
    const contractor = clientFor(t, w.xAdmin);
    let revisions = (await contractor.get(`/api/contracts/${id}/revisions`)).json().items;
    expect(revisions).toEqual([
      expect.objectContaining({ number: 1, kind: 'activation', acknowledgedAt: null, abilities: { acknowledge: true } }),
    ]);
    const owner = clientFor(t, w.aOwner);
    const revised = await owner.edit(`/api/contracts/${id}`, { rateAmountMinor: 950_000, ipClause: 'Assigned on delivery.' });
    expect(revised.json()).toMatchObject({ revision: 2, rateAmountMinor: 950_000, unacknowledgedRevisions: 2 });
    revisions = (await contractor.get(`/api/contracts/${id}/revisions`)).json().items;
    expect(revisions[0]).toMatchObject({
      number: 2,
      kind: 'revision',
      changes: {
        rateAmountMinor: { from: 900_000, to: 950_000 },
        ipClause: { from: 'All deliverables are assigned to the client on payment.', to: 'Assigned on delivery.' },
      },
    });
    const notes = await t.db.select().from(notifications).where(eq(notifications.userId, w.xAdmin.userId));
    expect(notes.map((n) => n.type)).toEqual(expect.arrayContaining(['contract.activated', 'contract.revised']));
    // Nothing changed → no revision.
    expect((await owner.edit(`/api/contracts/${id}`, { rateAmountMinor: 950_000 })).json().revision).toBe(2);

    expect((await owner.post(`/api/contracts/${id}/revisions/2/acknowledge`)).statusCode).toBe(403);
    const ack = await contractor.post(`/api/contracts/${id}/revisions/2/acknowledge`);
    expect(ack.statusCode).toBe(200);
    expect(ack.json().items[0]).toMatchObject({ acknowledgedByName: 'X Admin', abilities: { acknowledge: false } });
    expect((await contractor.post(`/api/contracts/${id}/revisions/2/acknowledge`)).statusCode).toBe(409);
    expect((await contractor.post(`/api/contracts/${id}/revisions/9/acknowledge`)).statusCode).toBe(404);
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'contract.revision_acknowledged'), eq(auditEvents.organizationId, w.orgA)));
    expect(event).toMatchObject({ actorUserId: w.xAdmin.userId, organizationId: w.orgA, contractorId: w.contractorX });
  });

  it('renews by extending the term, as a revision', async () => {
    const id = await createActiveContract(t, w);
    const owner = clientFor(t, w.aOwner);
    expect((await owner.post(`/api/contracts/${id}/renew`, { endDate: '2027-01-01' })).statusCode).toBe(400);
    const renewed = await owner.post(`/api/contracts/${id}/renew`, { endDate: '2028-06-30', note: 'Another year' });
    expect(renewed.json()).toMatchObject({ endDate: '2028-06-30', revision: 2 });
    const [latest] = await t.db
      .select()
      .from(contractRevisions)
      .where(eq(contractRevisions.contractId, id))
      .orderBy(contractRevisions.number);
    expect(latest?.kind).toBe('activation');
    const list = (await clientFor(t, w.xOffice).get(`/api/contracts/${id}/revisions`)).json().items;
    expect(list[0]).toMatchObject({
      kind: 'renewal',
      note: 'Another year',
      changes: { endDate: { from: '2027-06-30', to: '2028-06-30' } },
    });
  });

  it('keeps milestones inside the term when the term changes', async () => {
    const id = await createActiveContract(t, w);
    await createMilestone(t, w, id, { dueDate: '2027-05-01' });
    const res = await clientFor(t, w.aOwner).edit(`/api/contracts/${id}`, { endDate: '2027-03-31' });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/outside the contract's term/);
  });

  it('answers the contractor at a glance: terms, what is left to deliver, what was paid', async () => {
    const id = await createActiveContract(t, w);
    await createMilestone(t, w, id, { amountMinor: 100_000 });
    await createMilestone(t, w, id, { amountMinor: 50_000 });
    const res = await clientFor(t, w.xAdmin).get(`/api/contracts/${id}`);
    expect(res.json()).toMatchObject({
      ipClause: 'All deliverables are assigned to the client on payment.',
      summary: { leftToDeliver: [{ amountMinor: 150_000, currency: 'EUR' }], paid: [], milestones: { open: 2 } },
      abilities: { edit: false, activate: false, addMilestone: false },
    });
  });

  it('lets only managing staff change contracts; contractors read; technicians see nothing', async () => {
    const id = await createActiveContract(t, w);
    expect((await clientFor(t, w.xAdmin).patch(`/api/contracts/${id}`, { title: 'Mine now' })).statusCode).toBe(403);
    expect((await clientFor(t, w.aViewer).patch(`/api/contracts/${id}`, { title: 'Viewer' })).statusCode).toBe(403);
    expect((await clientFor(t, w.aFinance).post(`/api/contracts/${id}/end`)).statusCode).toBe(403);
    expect((await clientFor(t, w.xTech).get(`/api/contracts/${id}`)).statusCode).toBe(404);
    expect((await clientFor(t, w.aManager).post(`/api/contracts/${id}/terminate`)).json().status).toBe('terminated');
    const again = await clientFor(t, w.aManager).post(`/api/contracts/${id}/activate`);
    expect(again.statusCode).toBe(403);
    expect((await clientFor(t, w.aManager).patch(`/api/contracts/${id}`, { title: 'Late' })).statusCode).toBe(403);
  });

  it('attaches documents uploaded for the engagement, which the contractor can download', async () => {
    const id = await createActiveContract(t, w);
    const boundary = '----b';
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="contract.txt"\r\nContent-Type: text/plain\r\n\r\nThe signed terms.\r\n--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const owner = clientFor(t, w.aOwner);
    const loose = await owner.request('POST', '/api/files', undefined, { payload, headers });
    expect((await owner.post(`/api/contracts/${id}/documents`, { fileId: loose.json().id })).statusCode).toBe(400);
    const file = await owner.request('POST', `/api/files?engagementId=${w.engagementAX}`, undefined, { payload, headers });
    const attached = await owner.post(`/api/contracts/${id}/documents`, { fileId: file.json().id });
    expect(attached.json().documents).toEqual([expect.objectContaining({ id: file.json().id, name: 'contract.txt' })]);
    const download = await clientFor(t, w.xOffice).get(`/api/files/${file.json().id}/download`);
    expect(download.body).toBe('The signed terms.');
    const removed = await owner.request('DELETE', `/api/contracts/${id}/documents/${file.json().id}`);
    expect(removed.json().documents).toEqual([]);
  });
});
