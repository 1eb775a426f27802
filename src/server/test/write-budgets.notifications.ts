import { notifications } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import type { Case } from './write-budgets.case.ts';
import { clientFor, readEtag } from './world.ts';

/* The notification centre's write routes with their statement budgets (write-budgets.test.ts runs them). */

export const notificationBudgetCases: Case[] = [
  {
    route: 'POST /api/notifications/:id/read',
    budget: 3,
    prepare: async (t, w) => {
      const id = createId();
      await t.db
        .insert(notifications)
        .values({ id, userId: w.aOwner.userId, organizationId: w.orgA, type: 'test.budget', title: 'Counted', body: 'Read me.' });
      return () => clientFor(t, w.aOwner).post(`/api/notifications/${id}/read`);
    },
  },
  {
    route: 'POST /api/notifications/read-all',
    budget: 3,
    prepare: async (t, w) => () => clientFor(t, w.aOwner).post('/api/notifications/read-all'),
  },
  {
    route: 'POST /api/notifications/groups/read',
    budget: 3,
    prepare: async (t, w) => {
      const ids = [createId(), createId(), createId()];
      await t.db.insert(notifications).values(
        ids.map((id) => ({
          id,
          userId: w.aOwner.userId,
          organizationId: w.orgA,
          type: 'milestone.approved',
          title: 'Counted',
          body: '-',
          groupKey: `milestone:${w.suffix}`,
        })),
      );
      return () => clientFor(t, w.aOwner).post('/api/notifications/groups/read', { key: `milestone:${w.suffix}` });
    },
  },
  {
    route: 'PATCH /api/notifications/settings',
    budget: 4,
    prepare: async (t, w) =>
      (async () => {
        const client = clientFor(t, w.aOwner);
        const etag = await readEtag(client, '/api/notifications/settings');
        return () =>
          client.request(
            'PATCH',
            '/api/notifications/settings',
            { channels: { payment: 'in_app' }, emailSchedule: 'daily' },
            { headers: { 'if-match': etag } },
          );
      })(),
  },
];
