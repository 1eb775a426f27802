import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../access/actor.ts';
import { contractorMembers, users } from '../db/schema/index.ts';
import { countUnread, listNotificationGroups, listNotifications } from '../modules/notifications/notifications.centre.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo data: the notification centre', () => {
  let t: OwnTestApp;
  beforeAll(async () => {
    t = await createOwnTestApp({ fresh: true });
    await seedDemo(t.db, t.storage);
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('gives each contractor admin a short centre: updates about one thing grouped, fewer rows than notifications', async () => {
    const admins = await t.db
      .select({ id: users.id, name: users.name, email: users.email, contractorId: contractorMembers.contractorId })
      .from(users)
      .innerJoin(contractorMembers, eq(contractorMembers.userId, users.id))
      .where(eq(contractorMembers.role, 'admin'));
    let grouped = 0;
    for (const admin of admins) {
      const ctx: RequestContext = {
        actor: { kind: 'contractor', userId: admin.id, contractorId: admin.contractorId, role: 'admin' },
        user: { id: admin.id, name: admin.name, email: admin.email, twoFactorEnabled: false },
        sessionId: 'test',
        requestId: 'test',
        ip: '127.0.0.1',
      };
      const flat = await listNotifications(t.db, ctx, { limit: 100, unreadOnly: false });
      const groups = await listNotificationGroups(t.db, ctx, { limit: 100, unreadOnly: false });
      const unread = await countUnread(t.db, ctx);
      console.log(
        `${admin.email}: ${flat.items.length} notifications (${unread} unread) in ${groups.items.length} centre rows: ${groups.items.map((g) => `${g.count}×${g.latest.type}`).join(', ')}`,
      );
      expect(groups.items.length).toBeLessThanOrEqual(flat.items.length);
      expect(groups.items.reduce((sum, g) => sum + g.count, 0)).toBe(flat.items.length);
      if (groups.items.some((g) => g.count > 1)) grouped++;
    }
    expect(grouped).toBeGreaterThan(0);
  });
});
