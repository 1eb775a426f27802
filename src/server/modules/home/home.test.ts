import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';

describe('home', () => {
  let t: TestApp;
  let w: World;
  let contractId: string;
  let lateId: string;
  let submittedId: string;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    const owner = clientFor(t, w.aOwner);
    const contract = await owner.post('/api/contracts', {
      engagementId: w.engagementAX,
      title: 'Home contract',
      rateType: 'milestone',
      rateAmountMinor: 100_000,
      currency: 'EUR',
      startDate: '2020-01-01',
    });
    expect(contract.statusCode).toBe(201);
    contractId = contract.json().id;
    expect((await owner.post(`/api/contracts/${contractId}/activate`)).statusCode).toBe(200);
    const late = await owner.post(`/api/contracts/${contractId}/milestones`, {
      title: 'Late work',
      dueDate: '2020-02-01',
      amountMinor: 1000,
      currency: 'EUR',
    });
    const later = await owner.post(`/api/contracts/${contractId}/milestones`, {
      title: 'Next work',
      dueDate: '2099-02-01',
      amountMinor: 2000,
      currency: 'EUR',
    });
    expect([late.statusCode, later.statusCode]).toEqual([201, 201]);
    lateId = late.json().id;
    submittedId = later.json().id;
    expect((await clientFor(t, w.xAdmin).post(`/api/milestones/${submittedId}/submit`, { note: 'Done' })).statusCode).toBe(200);
    expect(
      (await owner.post('/api/invitations/staff', { name: 'Waiting Person', email: `waiting.${w.suffix}@example.test`, role: 'viewer' }))
        .statusCode,
    ).toBe(201);
  });

  it('shows staff what needs attention: work to review, overdue work, terms not acknowledged, invitations waiting', async () => {
    const home = (await clientFor(t, w.aViewer).get('/api/home')).json();
    expect(home.kind).toBe('staff');
    expect(home.toReview).toMatchObject({
      count: 1,
      items: [{ id: submittedId, title: 'Next work', contractId, contractTitle: 'Home contract', status: 'submitted' }],
    });
    expect(home.overdue).toMatchObject({ count: 1, items: [{ id: lateId, status: 'open' }] });
    expect(home.unacknowledged).toMatchObject({ count: 1, items: [{ contractId, number: 1, kind: 'activation' }] });
    expect(home.invitations.count).toBe(1);
    expect(home.invitations.items[0]).toMatchObject({ name: 'Waiting Person', kind: 'staff' });
  });

  it('shows the contractor what is left to deliver and what needs action, and updates as they act', async () => {
    const contractor = clientFor(t, w.xAdmin);
    const before = (await contractor.get('/api/home')).json();
    expect(before.kind).toBe('contractor');
    expect(before.toDeliver).toMatchObject({ count: 1, items: [{ id: lateId }] });
    expect(before.inReview).toMatchObject({ count: 1, items: [{ id: submittedId }] });
    expect(before.changesRequested.count).toBe(0);
    expect(before.unacknowledged).toMatchObject({ count: 1, items: [{ contractId, kind: 'activation' }] });

    expect((await contractor.post(`/api/contracts/${contractId}/revisions/1/acknowledge`)).statusCode).toBe(200);
    expect(
      (await clientFor(t, w.aOwner).post(`/api/milestones/${submittedId}/request-changes`, { reason: 'Needs a README' })).statusCode,
    ).toBe(200);
    const after = (await contractor.get('/api/home')).json();
    expect(after.unacknowledged.count).toBe(0);
    expect(after.inReview.count).toBe(0);
    expect(after.changesRequested).toMatchObject({ count: 1, items: [{ id: submittedId, status: 'changes_requested' }] });
    expect(after.toDeliver.count).toBe(2);
    const staff = (await clientFor(t, w.aOwner).get('/api/home')).json();
    expect([staff.toReview.count, staff.unacknowledged.count]).toEqual([0, 0]);
  });

  it('shows others nothing of it: another organization, another contractor, a technician', async () => {
    const other = (await clientFor(t, w.bOwner).get('/api/home')).json();
    expect([other.toReview.count, other.overdue.count, other.unacknowledged.count, other.invitations.count]).toEqual([0, 0, 0, 0]);
    const otherContractor = (await clientFor(t, w.yAdmin).get('/api/home')).json();
    expect([otherContractor.toDeliver.count, otherContractor.inReview.count, otherContractor.unacknowledged.count]).toEqual([0, 0, 0]);
    expect((await clientFor(t, w.xTech).get('/api/home')).json()).toEqual({ kind: 'technician' });
    expect((await clientFor(t, null).get('/api/home')).statusCode).toBe(401);
  });
});
