import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { milestones, notifications, organizations, payments, statusChanges } from '../../db/schema/index.ts';
import { raceTitle } from '../../test/race.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { createActiveContract, createMilestone, createSubmittedMilestone } from '../../test/work.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { runMilestoneTimers } from './milestones.timers.ts';

async function paymentsOf(t: TestApp, milestoneId: string) {
  return t.db.select().from(payments).where(eq(payments.milestoneId, milestoneId));
}

describe('milestones', () => {
  let t: TestApp;
  let w: World;
  let contractId: string;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    contractId = await createActiveContract(t, w);
  });

  describe('bad input', () => {
    const amounts: Array<[string, unknown, string]> = [
      ['a negative amount', { amountMinor: -100 }, 'body.amountMinor'],
      ['a zero amount', { amountMinor: 0 }, 'body.amountMinor'],
      ['fractional minor units', { amountMinor: 10.5 }, 'body.amountMinor'],
      ['an amount over 10^12', { amountMinor: 1_000_000_000_001 }, 'body.amountMinor'],
      ['an unknown currency', { currency: 'ABC' }, 'body.currency'],
      ['a currency other than the contract’s', { currency: 'USD' }, 'currency'],
      ['a due date before the contract starts', { dueDate: '2025-12-31' }, 'dueDate'],
      ['a due date after the contract ends', { dueDate: '2027-07-01' }, 'dueDate'],
      ['no title', { title: '' }, 'body.title'],
      ['an unknown field', { priority: 'high' }, 'body'],
    ];
    for (const [label, change, path] of amounts)
      it(`refuses ${label} with 400, writing nothing`, async () => {
        const [before] = await t.db.select({ n: count() }).from(milestones).where(eq(milestones.contractId, contractId));
        const res = await clientFor(t, w.aOwner).post(`/api/contracts/${contractId}/milestones`, {
          title: 'Bad',
          dueDate: '2026-06-01',
          amountMinor: 1000,
          currency: 'EUR',
          ...(change as object),
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().details.fieldErrors[0].path).toBe(path);
        if (path === 'dueDate') expect(res.json().detail).toMatch(/contract (starts|ends)/);
        expect(await t.db.select({ n: count() }).from(milestones).where(eq(milestones.contractId, contractId))).toEqual([before]);
      });

    it('refuses a submission with no file, link or note', async () => {
      const id = await createMilestone(t, w, contractId);
      const res = await clientFor(t, w.xAdmin).post(`/api/milestones/${id}/submit`, {});
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toMatch(/at least one file, link or note/);
      expect((await clientFor(t, w.xAdmin).post(`/api/milestones/${id}/submit`, { links: ['javascript:alert(1)'] })).statusCode).toBe(400);
      expect((await clientFor(t, w.xAdmin).get(`/api/milestones/${id}`)).json().status).toBe('open');
    });

    it('refuses a request for changes without a reason', async () => {
      const id = await createSubmittedMilestone(t, w, contractId);
      const res = await clientFor(t, w.aOwner).post(`/api/milestones/${id}/request-changes`, { reason: '  ' });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.fieldErrors[0].path).toBe('body.reason');
    });
  });

  it('goes open → submitted → changes requested → submitted → approved, keeping every submission, with one draft payment', async () => {
    const id = await createMilestone(t, w, contractId, { title: 'Style guide', amountMinor: 420_000 });
    const contractor = clientFor(t, w.xOffice);
    const owner = clientFor(t, w.aOwner);
    const first = await contractor.post(`/api/milestones/${id}/submit`, { note: 'First draft', links: ['https://docs.example/guide'] });
    expect(first.json()).toMatchObject({ status: 'submitted', abilities: { submit: false } });
    const reviewers = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.aManager.userId), eq(notifications.type, 'milestone.submitted')));
    expect(reviewers.length).toBeGreaterThan(0);

    const sentBack = await owner.post(`/api/milestones/${id}/request-changes`, { reason: 'Add the dark palette.' });
    expect(sentBack.json()).toMatchObject({ status: 'changes_requested' });
    const seen = await contractor.get(`/api/milestones/${id}`);
    expect(seen.json()).toMatchObject({ changesRequestedReason: 'Add the dark palette.', abilities: { submit: true } });
    const told = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, w.xOffice.userId), eq(notifications.type, 'milestone.changes_requested')));
    expect(told[0]?.body).toContain('Add the dark palette.');

    await contractor.post(`/api/milestones/${id}/submit`, { note: 'With the dark palette' });
    const approved = await owner.post(`/api/milestones/${id}/approve`, { note: 'Lovely' });
    expect(approved.json()).toMatchObject({ status: 'approved', paymentId: expect.any(String) });
    expect(approved.json().submissions).toEqual([
      expect.objectContaining({
        version: 2,
        note: 'With the dark palette',
        review: expect.objectContaining({ outcome: 'approved', note: 'Lovely' }),
      }),
      expect.objectContaining({
        version: 1,
        note: 'First draft',
        links: ['https://docs.example/guide'],
        review: expect.objectContaining({ outcome: 'changes_requested', note: 'Add the dark palette.' }),
      }),
    ]);
    const drafts = await paymentsOf(t, id);
    expect(drafts).toEqual([
      expect.objectContaining({
        status: 'draft',
        amountMinor: 420_000,
        currency: 'EUR',
        source: 'milestone',
        engagementId: w.engagementAX,
      }),
    ]);
    const history = await t.db.select().from(statusChanges).where(eq(statusChanges.entityId, id)).orderBy(statusChanges.createdAt);
    expect(history.map((h) => `${h.fromStatus}→${h.toStatus}`)).toEqual([
      'open→submitted',
      'submitted→changes_requested',
      'changes_requested→submitted',
      'submitted→approved',
    ]);

    const again = await owner.post(`/api/milestones/${id}/approve`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_TRANSITION', details: { currentStatus: 'approved' } });
    expect(await paymentsOf(t, id)).toHaveLength(1);
  });

  it('answers a transition from the wrong state with 409 and the current state', async () => {
    const id = await createMilestone(t, w, contractId);
    const res = await clientFor(t, w.aOwner).post(`/api/milestones/${id}/approve`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().details.currentStatus).toBe('open');
    const sub = await createSubmittedMilestone(t, w, contractId);
    const twice = await clientFor(t, w.xAdmin).post(`/api/milestones/${sub}/submit`, { note: 'again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details.currentStatus).toBe('submitted');
  });

  it('freezes amount and due date once approved; an approved milestone cannot be deleted', async () => {
    const id = await createSubmittedMilestone(t, w, contractId);
    const owner = clientFor(t, w.aOwner);
    await owner.post(`/api/milestones/${id}/approve`, {});
    expect((await owner.edit(`/api/milestones/${id}`, { amountMinor: 1 })).statusCode).toBe(409);
    expect((await owner.edit(`/api/milestones/${id}`, { dueDate: '2026-10-01' })).statusCode).toBe(409);
    expect((await owner.edit(`/api/milestones/${id}`, { title: 'Renamed after approval' })).json().title).toBe('Renamed after approval');
    const del = await owner.request('DELETE', `/api/milestones/${id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().detail).toMatch(/cannot be deleted/);
    const open = await createMilestone(t, w, contractId);
    expect((await owner.request('DELETE', `/api/milestones/${open}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/milestones/${open}`)).statusCode).toBe(404);
  });

  it('lets only reviewers review and only the contractor submit', async () => {
    const id = await createSubmittedMilestone(t, w, contractId);
    expect((await clientFor(t, w.xAdmin).post(`/api/milestones/${id}/approve`, {})).statusCode).toBe(403);
    expect((await clientFor(t, w.aViewer).patch(`/api/milestones/${id}`, { title: 'Viewer edit' })).statusCode).toBe(403);
    expect((await clientFor(t, w.aFinance).post(`/api/milestones/${id}/approve`, {})).statusCode).toBe(403);
    expect((await clientFor(t, w.xTech).post(`/api/milestones/${id}/approve`, {})).statusCode).toBe(404);
    expect((await clientFor(t, w.xTech).get(`/api/milestones/${id}`)).statusCode).toBe(404);
    const open = await createMilestone(t, w, contractId);
    expect((await clientFor(t, w.aOwner).post(`/api/milestones/${open}/submit`, { note: 'On their behalf' })).statusCode).toBe(403);
    expect(await paymentsOf(t, id)).toEqual([]);
  });

  it(raceTitle('approves once under 50 concurrent approvals: one draft payment, the rest 409'), async () => {
    const id = await createSubmittedMilestone(t, w, contractId);
    const owner = clientFor(t, w.aOwner);
    const results = await Promise.all(Array.from({ length: 50 }, () => owner.post(`/api/milestones/${id}/approve`, {})));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(await paymentsOf(t, id)).toHaveLength(1);
    const history = await t.db
      .select()
      .from(statusChanges)
      .where(and(eq(statusChanges.entityId, id), eq(statusChanges.event, 'approve')));
    expect(history).toHaveLength(1);
  });

  it(raceTitle('lets exactly one of approve and request-changes win when they race'), async () => {
    for (let round = 0; round < 5; round++) {
      const id = await createSubmittedMilestone(t, w, contractId);
      const [a, b] = await Promise.all([
        clientFor(t, w.aOwner).post(`/api/milestones/${id}/approve`, {}),
        clientFor(t, w.aManager).post(`/api/milestones/${id}/request-changes`, { reason: 'Not yet' }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [row] = await t.db.select().from(milestones).where(eq(milestones.id, id));
      expect(await paymentsOf(t, id)).toHaveLength(row?.status === 'approved' ? 1 : 0);
    }
  });

  it('bulk-approves submitted milestones and reports each outcome', async () => {
    const a = await createSubmittedMilestone(t, w, contractId);
    const b = await createSubmittedMilestone(t, w, contractId);
    const open = await createMilestone(t, w, contractId);
    const res = await clientFor(t, w.aOwner).post('/api/milestones/bulk-approve', { ids: [a, b, open] });
    expect(res.json().results).toEqual([
      { id: a, ok: true, status: 200, detail: null },
      { id: b, ok: true, status: 200, detail: null },
      { id: open, ok: false, status: 409, detail: expect.stringMatching(/open/) },
    ]);
    expect((await paymentsOf(t, a)).length + (await paymentsOf(t, b)).length).toBe(2);
    expect((await clientFor(t, w.aViewer).post('/api/milestones/bulk-approve', { ids: [open] })).json().results[0].status).toBe(403);
  });

  it('lists Pending and Approved for the company, filtered, overdue first to see', async () => {
    const world = await createWorld(t);
    const contract = await createActiveContract(t, world, { endDate: '2099-12-31' });
    const late = await createMilestone(t, world, contract, { title: 'Late one', dueDate: '2026-01-15' });
    const later = await createMilestone(t, world, contract, { title: 'Later one', dueDate: '2099-01-15' });
    const done = await createSubmittedMilestone(t, world, contract);
    await clientFor(t, world.aOwner).post(`/api/milestones/${done}/approve`, {});
    const owner = clientFor(t, world.aOwner);
    const pending = (await owner.get('/api/milestones?view=pending')).json().items;
    expect(pending.map((m: { id: string }) => m.id)).toEqual([late, later]);
    expect(pending[0]).toMatchObject({ overdue: true, contractor: { id: world.contractorX }, contract: { id: contract } });
    expect(pending[1].overdue).toBe(false);
    expect((await owner.get('/api/milestones?view=approved')).json().items.map((m: { id: string }) => m.id)).toEqual([done]);
    expect((await owner.get('/api/milestones?overdue=true')).json().items.map((m: { id: string }) => m.id)).toEqual([late]);
    expect((await owner.get(`/api/milestones?contractorId=${world.contractorY}`)).json().items).toEqual([]);
    expect((await owner.get('/api/milestones?dueFrom=2026-06-01&dueTo=2026-12-31')).json().items.map((m: { id: string }) => m.id)).toEqual([
      done,
    ]);
    const page1 = (await owner.get('/api/milestones?limit=2')).json();
    const page2 = (await owner.get(`/api/milestones?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((m: { id: string }) => m.id)).toEqual([late, done, later]);
    expect(page2.nextCursor).toBeNull();
    expect((await owner.get('/api/milestones?status=bogus')).statusCode).toBe(400);
    expect((await owner.get('/api/milestones?cursor=garbage')).statusCode).toBe(400);
  });

  it("shows the contractor what's left to deliver across every organization, by due date, with what each pays", async () => {
    const world = await createWorld(t);
    const contractA = await createActiveContract(t, world);
    await createMilestone(t, world, contractA, { title: 'From A', dueDate: '2026-08-01', amountMinor: 1000 });
    // Organization B engages contractor X too.
    const { engagements } = await import('../../db/schema/index.ts');
    const engagementBX = crypto.randomUUID();
    await t.db
      .insert(engagements)
      .values({ id: engagementBX, organizationId: world.orgB, contractorId: world.contractorX, status: 'active' });
    const bOwner = clientFor(t, world.bOwner);
    const contractB = await bOwner.post('/api/contracts', {
      engagementId: engagementBX,
      title: 'B work',
      rateType: 'fixed',
      rateAmountMinor: 5000,
      currency: 'USD',
      startDate: '2026-01-01',
    });
    await bOwner.post(`/api/contracts/${contractB.json().id}/activate`);
    await bOwner.post(`/api/contracts/${contractB.json().id}/milestones`, {
      title: 'From B',
      dueDate: '2026-07-01',
      amountMinor: 5000,
      currency: 'USD',
    });
    const left = (await clientFor(t, world.xOffice).get('/api/milestones?view=pending')).json().items;
    expect(
      left.map((m: { title: string; organization: { id: string }; amountMinor: number; currency: string }) => [
        m.title,
        m.organization.id,
        m.amountMinor,
        m.currency,
      ]),
    ).toEqual([
      ['From B', world.orgB, 5000, 'USD'],
      ['From A', world.orgA, 1000, 'EUR'],
    ]);
    expect((await clientFor(t, world.yAdmin).get('/api/milestones')).json().items).toEqual([]);
  });

  it('auto-approves after N days in review, with a reminder to reviewers a day before (off by default)', async () => {
    const world = await createWorld(t);
    const contract = await createActiveContract(t, world);
    const id = await createSubmittedMilestone(t, world, contract);
    const [row] = await t.db.select().from(milestones).where(eq(milestones.id, id));
    const submittedAt = row!.submittedAt!.getTime();
    const day = 86_400_000;
    expect(await runMilestoneTimers(t.db, new Date(submittedAt + 30 * day))).toMatchObject({ approved: 0 });
    expect((await clientFor(t, world.aOwner).edit('/api/organizations/current', { autoApproveDays: 3 })).json().autoApproveDays).toBe(3);
    await runMilestoneTimers(t.db, new Date(submittedAt + 1 * day));
    expect(
      await t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, world.aOwner.userId), eq(notifications.type, 'milestone.auto_approval_reminder'))),
    ).toEqual([]);
    await runMilestoneTimers(t.db, new Date(submittedAt + 2.2 * day));
    await runMilestoneTimers(t.db, new Date(submittedAt + 2.5 * day));
    const reminders = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, world.aOwner.userId), eq(notifications.type, 'milestone.auto_approval_reminder')));
    expect(reminders).toHaveLength(1);
    expect((await clientFor(t, world.aOwner).get(`/api/milestones/${id}`)).json().status).toBe('submitted');
    await runMilestoneTimers(t.db, new Date(submittedAt + 3 * day + 1000));
    const after = (await clientFor(t, world.xAdmin).get(`/api/milestones/${id}`)).json();
    expect(after).toMatchObject({ status: 'approved', paymentId: expect.any(String) });
    expect(after.submissions[0].review.note).toMatch(/automatically after 3 days/);
    await runMilestoneTimers(t.db, new Date(submittedAt + 4 * day));
    expect(await paymentsOf(t, id)).toHaveLength(1);
    await t.db.update(organizations).set({ autoApproveDays: null }).where(eq(organizations.id, world.orgA));
  });

  it('notifies the contractor of new and edited milestones', async () => {
    const world = await createWorld(t);
    const contract = await createActiveContract(t, world);
    const id = await createMilestone(t, world, contract, { title: 'Icons' });
    await clientFor(t, world.aOwner).edit(`/api/milestones/${id}`, { dueDate: '2026-11-30' });
    const types = (await t.db.select().from(notifications).where(eq(notifications.userId, world.xAdmin.userId))).map((n) => n.type);
    expect(types).toEqual(expect.arrayContaining(['milestone.added', 'milestone.edited']));
  });
});
