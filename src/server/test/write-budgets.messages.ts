import type { Case } from './write-budgets.case.ts';
import { clientFor } from './world.ts';

/* The messages' write routes with their statement budgets (write-budgets.test.ts runs them). */

export const messageBudgetCases: Case[] = [
  {
    route: 'POST /api/threads/:id/messages',
    budget: 12,
    prepare: async (t, w) => () => clientFor(t, w.xAdmin).post(`/api/threads/${w.engagementAX}/messages`, { body: 'Counted statements.' }),
  },
  {
    route: 'PATCH /api/messages/:id',
    budget: 10,
    prepare: async (t, w) => {
      const author = clientFor(t, w.xAdmin);
      const posted = await author.post(`/api/threads/${w.engagementAX}/messages`, { body: 'Tpyo' });
      return () => author.request('PATCH', `/api/messages/${posted.json().id}`, { body: 'Typo' }, { headers: { 'if-match': '"1"' } });
    },
  },
  {
    route: 'DELETE /api/messages/:id',
    budget: 11,
    prepare: async (t, w) => {
      const author = clientFor(t, w.xAdmin);
      const posted = await author.post(`/api/threads/${w.engagementAX}/messages`, { body: 'Oops' });
      return () => author.request('DELETE', `/api/messages/${posted.json().id}`);
    },
  },
  {
    route: 'POST /api/threads/:id/read',
    budget: 5,
    prepare: async (t, w) => {
      await clientFor(t, w.xAdmin).post(`/api/threads/${w.engagementAX}/messages`, { body: 'Read me' });
      return () => clientFor(t, w.aOwner).post(`/api/threads/${w.engagementAX}/read`);
    },
  },
  {
    route: 'POST /api/threads/:id/notes',
    budget: 8,
    prepare: async (t, w) => () => clientFor(t, w.aOwner).post(`/api/threads/${w.engagementAX}/notes`, { body: 'Staff only.' }),
  },
];
