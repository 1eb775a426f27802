import { describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/index.ts';
import { createId } from '../../lib/ids.ts';
import { createStatementCounter, useCountedWorld } from '../../test/statements.ts';
import { clientFor } from '../../test/world.ts';

/** The unread count comes with a page of the list or of the centre's groups, in the page's statement (an app of its own, every statement counted). */
describe('notifications: the unread count', () => {
  const counter = createStatementCounter();
  const world = useCountedWorld(counter);

  it('is read by the page’s own statement, counts only unread in-app notifications, and is there beside an empty page', async () => {
    const { t, w } = world;
    const row = (inApp: boolean, readAt: Date | null, at: number) => ({
      id: createId(),
      userId: w.xOffice.userId,
      organizationId: w.orgA,
      type: 'payment.sent',
      title: `Payment sent ${at}`,
      body: 'Payment sent.',
      inApp,
      readAt,
      createdAt: new Date(Date.UTC(2026, 11, 1, 9, at)),
    });
    // Unread in the app: 3. Email-only and read ones are not counted.
    await t.db
      .insert(notifications)
      .values([
        row(true, null, 1),
        row(true, null, 2),
        row(true, null, 3),
        row(false, null, 4),
        row(true, new Date(), 5),
        row(false, new Date(), 6),
      ]);
    const office = clientFor(t, w.xOffice);
    const list = (query: string) => office.get(`/api/notifications${query}`);
    await list('');

    const all = await counter.count(() => list(''));
    expect(all.result.json()).toMatchObject({ unread: 3, nextCursor: null });
    expect(all.result.json().items).toHaveLength(4);
    const read = all.statements.filter((q) => q.includes('"notifications"'));
    expect(read).toHaveLength(1);
    expect(read[0]).toContain('count(*)');
    expect(all.statements.length).toBeLessThanOrEqual(2);

    // Every page carries it, the last one too.
    const first = (await list('?limit=2')).json();
    expect(first).toMatchObject({ unread: 3 });
    expect((await list(`?limit=2&cursor=${first.nextCursor}`)).json()).toMatchObject({ unread: 3, nextCursor: null });
    expect((await list('?unread=true&limit=1')).json()).toMatchObject({ unread: 3, items: [{ title: 'Payment sent 3' }] });

    // An empty page has no row to carry it: it is counted on its own.
    const none = await counter.count(() => list('?kind=milestone'));
    expect(none.result.json()).toEqual({ unread: 3, items: [], nextCursor: null });

    // The centre's groups read it with the groups: two statements on notifications (groups, then their latest), no third.
    const groups = await counter.count(() => office.get('/api/notifications/groups'));
    // Notifications about nothing in particular are a group each.
    expect(groups.result.json().unread).toBe(3);
    expect(groups.result.json().items.map((g: { unread: number }) => g.unread)).toEqual([0, 1, 1, 1]);
    expect(groups.statements.filter((q) => q.includes('"notifications"'))).toHaveLength(2);
    expect((await office.get('/api/notifications/groups?kind=milestone')).json()).toEqual({ unread: 3, items: [], nextCursor: null });

    await office.post('/api/notifications/read-all');
    expect((await list('')).json()).toMatchObject({ unread: 0 });
  });
});
