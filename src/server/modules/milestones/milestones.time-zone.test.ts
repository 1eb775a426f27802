import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { milestones, notifications, organizations } from '../../db/schema/index.ts';
import { createOwnTestApp, type OwnTestApp } from '../../test/own-database.ts';
import { createActiveContract, createMilestone, createSubmittedMilestone } from '../../test/work.ts';
import { clientFor, createWorld } from '../../test/world.ts';
import { runMilestoneTimers } from './milestones.timers.ts';

/**
 * Days are the organization's: "overdue", the reminder and the automatic approval count them in
 * its time zone. The clock is faked (Date only) around midnight, before the world is made, so the
 * sessions are valid at the faked time. On a database of its own: signing in under a clock three
 * weeks ahead sweeps the sign-in tokens that "expired" by then, which on a shared PostgreSQL
 * database would be the tokens other test files are redeeming at that moment.
 */
describe('milestones on the organization’s calendar', () => {
  let t: OwnTestApp;
  beforeAll(async () => {
    t = await createOwnTestApp();
  });
  afterAll(async () => {
    await t.dispose();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function setTimeZone(organizationId: string, timeZone: string) {
    await t.db.update(organizations).set({ timeZone }).where(eq(organizations.id, organizationId));
  }

  it('is overdue the day after its due date in the organization’s zone: 23:30 UTC on the 20th is the 21st in Auckland, still the 20th in Los Angeles', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-20T23:30:00Z') });
    const w = await createWorld(t);
    const contract = await createActiveContract(t, w);
    const id = await createMilestone(t, w, contract, { title: 'Year-end report', dueDate: '2026-12-20' });
    const owner = clientFor(t, w.aOwner);
    const contractor = clientFor(t, w.xAdmin);
    const overdueIds = async () =>
      (await owner.get(`/api/milestones?overdue=true&contractId=${contract}`)).json().items.map((m: { id: string }) => m.id);

    const homeOverdue = async () => (await owner.get('/api/home')).json().overdue.items.map((m: { id: string }) => m.id);
    const contractorSees = async () =>
      (await contractor.get('/api/home')).json().toDeliver.items.find((m: { id: string }) => m.id === id)?.overdue;

    await setTimeZone(w.orgA, 'Pacific/Auckland');
    expect((await owner.get(`/api/milestones/${id}`)).json().overdue).toBe(true);
    expect((await contractor.get(`/api/milestones/${id}`)).json().overdue).toBe(true);
    expect(await overdueIds()).toEqual([id]);
    expect(await homeOverdue()).toEqual([id]);
    expect(await contractorSees()).toBe(true);

    await setTimeZone(w.orgA, 'America/Los_Angeles');
    expect((await owner.get(`/api/milestones/${id}`)).json().overdue).toBe(false);
    expect((await contractor.get(`/api/milestones/${id}`)).json().overdue).toBe(false);
    expect(await overdueIds()).toEqual([]);
    expect(await homeOverdue()).toEqual([]);
    expect(await contractorSees()).toBe(false);

    // Los Angeles reaches the 21st at 08:00 UTC.
    vi.setSystemTime(new Date('2026-12-21T08:00:00Z'));
    expect((await owner.get(`/api/milestones/${id}`)).json().overdue).toBe(true);
    expect(await overdueIds()).toEqual([id]);
  });

  it('counts the days to automatic approval, and the reminder a day before, in the organization’s zone (across summer time)', async () => {
    const w = await createWorld(t);
    const contract = await createActiveContract(t, w);
    const id = await createSubmittedMilestone(t, w, contract);
    await t.db.update(organizations).set({ autoApproveDays: 3, timeZone: 'Europe/London' }).where(eq(organizations.id, w.orgA));
    // Submitted at noon GMT on Friday 27 March 2026; London moves to BST on Sunday the 29th.
    await t.db
      .update(milestones)
      .set({ submittedAt: new Date('2026-03-27T12:00:00Z') })
      .where(eq(milestones.id, id));
    const status = async () => (await t.db.select().from(milestones).where(eq(milestones.id, id)))[0]!.status;
    const reminders = () =>
      t.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, w.aOwner.userId), eq(notifications.type, 'milestone.auto_approval_reminder')));

    // A day before is noon BST on Sunday the 29th: 11:00 UTC, not 12:00 UTC.
    expect(await runMilestoneTimers(t.db, new Date('2026-03-29T10:59:00Z'))).toEqual({ reminded: 0, approved: 0 });
    expect(await runMilestoneTimers(t.db, new Date('2026-03-29T11:01:00Z'))).toEqual({ reminded: 1, approved: 0 });
    const [reminder] = await reminders();
    expect(reminder!.body).toContain('2026-03-30T11:00:00.000Z');
    // Three calendar days after noon GMT on the 27th is noon BST on the 30th: 11:00 UTC.
    expect(await runMilestoneTimers(t.db, new Date('2026-03-30T10:59:00Z'))).toEqual({ reminded: 0, approved: 0 });
    expect(await status()).toBe('submitted');
    expect(await runMilestoneTimers(t.db, new Date('2026-03-30T11:30:00Z'))).toEqual({ reminded: 0, approved: 1 });
    expect(await status()).toBe('approved');
    expect(await reminders()).toHaveLength(1);
  });
});
