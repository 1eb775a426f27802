import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { milestones, notifications } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createId } from '../../lib/ids.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { notify } from './notifications.service.ts';

describe('the notification centre', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await getTestApp();
  }, 120_000);

  const tell = (w: World, userIds: string[], type: string, title: string, link?: string) =>
    runInTransaction(t.db, (tx) => notify(tx, { userIds, type, title, body: `${title}.`, link, organizationId: w.orgA }));

  it('groups notifications about one subject, newest activity first, with its current name', async () => {
    const w = await createWorld(t);
    const milestoneId = createId();
    // Three updates on one milestone (read from the link), one on a payment, one about nothing in particular.
    await tell(
      w,
      [w.xAdmin.userId],
      'milestone.changes_requested',
      'Changes requested: Colour palette',
      `/portal/milestones/${milestoneId}`,
    );
    await tell(w, [w.xAdmin.userId], 'payment.sent', 'Payment sent', `/portal/payments/${createId()}`);
    await tell(w, [w.xAdmin.userId], 'milestone.approved', 'Approved: Colour palette', `/portal/milestones/${milestoneId}`);
    await tell(w, [w.xAdmin.userId], 'engagement.ended', 'Org A ended your engagement', '/portal/organizations');
    await tell(
      w,
      [w.xAdmin.userId],
      'milestone.auto_approval_reminder',
      'Approves tomorrow: Colour palette',
      `/portal/milestones/${milestoneId}`,
    );
    const admin = clientFor(t, w.xAdmin);
    const page = await admin.get('/api/notifications/groups');
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.unread).toBe(5);
    expect(body.items.map((g: { count: number; kind: string }) => [g.count, g.kind])).toEqual([
      [3, 'milestone'],
      [1, 'team'],
      [1, 'payment'],
    ]);
    expect(body.items[0]).toMatchObject({
      key: `milestone:${milestoneId}`,
      subject: { type: 'milestone', id: milestoneId, label: null },
      summary: '3 updates on Approves tomorrow: Colour palette',
      unread: 3,
      latest: { title: 'Approves tomorrow: Colour palette', link: `/portal/milestones/${milestoneId}`, readAt: null },
    });
    expect(body.items[2].summary).toBe('Payment sent');
    // Opening a group lists its notifications, newest first.
    const group = await admin.get(`/api/notifications?group=${encodeURIComponent(body.items[0].key)}`);
    expect(group.json().items.map((n: { title: string }) => n.title)).toEqual([
      'Approves tomorrow: Colour palette',
      'Approved: Colour palette',
      'Changes requested: Colour palette',
    ]);
    // The filter by kind.
    const payments = await admin.get('/api/notifications/groups?kind=payment');
    expect(payments.json().items).toHaveLength(1);
    expect((await admin.get('/api/notifications?kind=payment')).json().items).toHaveLength(1);
    expect((await admin.get('/api/notifications/groups?kind=nonsense')).statusCode).toBe(400);
  });

  it('names the subject by its current title, pages by a keyset cursor, and refuses a forged cursor', async () => {
    const w = await createWorld(t);
    const [milestone] = await t.db.select({ id: milestones.id, title: milestones.title }).from(milestones).limit(1);
    const links = Array.from({ length: 5 }, () => `/portal/payments/${createId()}`);
    if (milestone) {
      await tell(w, [w.xOffice.userId], 'milestone.approved', 'Approved', `/portal/milestones/${milestone.id}`);
      await tell(w, [w.xOffice.userId], 'milestone.approved', 'Approved again', `/portal/milestones/${milestone.id}`);
    }
    for (const link of links) await tell(w, [w.xOffice.userId], 'payment.sent', 'Payment sent', link);
    const office = clientFor(t, w.xOffice);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await office.get(`/api/notifications/groups?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.length).toBeLessThanOrEqual(2);
      seen.push(...res.json().items.map((g: { key: string }) => g.key));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(milestone ? 6 : 5);
    expect(new Set(seen).size).toBe(seen.length);
    if (milestone) {
      const all = (await office.get('/api/notifications/groups?limit=50')).json().items;
      expect(all.find((g: { key: string }) => g.key === `milestone:${milestone.id}`)).toMatchObject({
        summary: `2 updates on ${milestone.title}`,
        subject: { label: milestone.title },
      });
    }
    expect((await office.get('/api/notifications/groups?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
    expect((await office.get(`/api/notifications/groups?cursor=${Buffer.from('["soon","x"]').toString('base64url')}`)).statusCode).toBe(
      400,
    );
  });

  it('marks one, a group, a kind or all read; a group of someone else is 404', async () => {
    const w = await createWorld(t);
    const milestoneId = createId();
    for (const title of ['One', 'Two']) await tell(w, [w.xAdmin.userId], 'milestone.approved', title, `/portal/milestones/${milestoneId}`);
    await tell(w, [w.xAdmin.userId], 'payment.sent', 'Paid', `/portal/payments/${createId()}`);
    await tell(w, [w.xAdmin.userId], 'invoice.approved', 'Invoice approved', `/portal/invoices/${createId()}`);
    await tell(w, [w.yAdmin.userId], 'milestone.approved', 'For Y', `/portal/milestones/${milestoneId}`);
    const admin = clientFor(t, w.xAdmin);
    expect((await admin.get('/api/notifications')).json().unread).toBe(4);
    const marked = await admin.post('/api/notifications/groups/read', { key: `milestone:${milestoneId}` });
    expect(marked.json()).toEqual({ ok: true, marked: 2 });
    expect((await admin.get('/api/notifications')).json().unread).toBe(2);
    // Y's notification in the same group key is Y's: untouched.
    const [forY] = await t.db.select().from(notifications).where(eq(notifications.userId, w.yAdmin.userId));
    expect(forY?.readAt).toBeNull();
    expect((await clientFor(t, w.bOwner).post('/api/notifications/groups/read', { key: `milestone:${milestoneId}` })).statusCode).toBe(404);
    expect((await admin.post('/api/notifications/groups/read', { key: '' })).statusCode).toBe(400);
    expect((await admin.post('/api/notifications/groups/read', { key: `milestone:${milestoneId}` })).json()).toEqual({
      ok: true,
      marked: 0,
    });
    expect((await admin.post('/api/notifications/read-all', { kind: 'payment' })).json()).toEqual({ ok: true, marked: 1 });
    expect((await admin.get('/api/notifications?unread=true')).json().items.map((n: { title: string }) => n.title)).toEqual([
      'Invoice approved',
    ]);
    expect((await admin.post('/api/notifications/read-all')).json()).toEqual({ ok: true, marked: 1 });
    expect((await admin.get('/api/notifications/groups?unread=true')).json()).toMatchObject({ unread: 0, items: [] });
  });

  it('counts unread what the app shows: not the email-only notifications, not the read ones', async () => {
    const w = await createWorld(t);
    const row = (inApp: boolean, readAt: Date | null) => ({
      id: createId(),
      userId: w.xOffice.userId,
      organizationId: w.orgA,
      type: 'payment.sent',
      title: 'Payment sent',
      body: 'Payment sent.',
      inApp,
      readAt,
    });
    await t.db
      .insert(notifications)
      .values([row(true, null), row(true, null), row(false, null), row(true, new Date()), row(false, new Date())]);
    const office = clientFor(t, w.xOffice);
    expect((await office.get('/api/notifications?unread=true&limit=1')).json().unread).toBe(2);
    expect((await office.get('/api/notifications/groups')).json().unread).toBe(2);
  });

  it('keeps settings per person with If-Match, and writes what each channel says', async () => {
    const w = await createWorld(t);
    const admin = clientFor(t, w.xAdmin);
    const read = await admin.get('/api/notifications/settings');
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.json()).toMatchObject({
      version: 0,
      emailSchedule: 'batched',
      securityEmails: 'always',
      channels: { message: 'both', team: 'in_app' },
    });
    expect((await admin.patch('/api/notifications/settings', { channels: { payment: 'none' } })).statusCode).toBe(428);
    const saved = await admin.request(
      'PATCH',
      '/api/notifications/settings',
      { channels: { payment: 'none', invoice: 'email' }, emailSchedule: 'daily' },
      { headers: { 'if-match': '"0"' } },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.json()).toMatchObject({
      version: 1,
      emailSchedule: 'daily',
      channels: { payment: 'none', invoice: 'email', milestone: 'both' },
    });
    const stale = await admin.request(
      'PATCH',
      '/api/notifications/settings',
      { channels: { payment: 'both' } },
      { headers: { 'if-match': '"0"' } },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().details).toEqual({ currentVersion: 1 });
    expect(
      (await admin.request('PATCH', '/api/notifications/settings', { channels: { payment: 'loud' } }, { headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await admin.request('PATCH', '/api/notifications/settings', { channels: { sms: 'both' } }, { headers: { 'if-match': '"1"' } }))
        .statusCode,
    ).toBe(400);
    // Another person's settings are theirs.
    expect((await clientFor(t, w.xOffice).get('/api/notifications/settings')).json().version).toBe(0);

    await tell(w, [w.xAdmin.userId, w.xOffice.userId], 'payment.sent', 'Paid', `/portal/payments/${createId()}`);
    await tell(w, [w.xAdmin.userId], 'invoice.approved', 'Invoice approved', `/portal/invoices/${createId()}`);
    const rows = await t.db.select().from(notifications).where(eq(notifications.userId, w.xAdmin.userId));
    expect(rows.map((r) => [r.type, r.inApp, r.byEmail])).toEqual([['invoice.approved', false, true]]);
    expect((await admin.get('/api/notifications')).json()).toMatchObject({ unread: 0, items: [] });
    const office = await t.db.select().from(notifications).where(eq(notifications.userId, w.xOffice.userId));
    expect(office.map((r) => [r.type, r.inApp, r.byEmail])).toEqual([['payment.sent', true, true]]);
  });
});
