import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../db/schema/index.ts';
import { createId } from '../lib/ids.ts';
import { jobBudgetCases } from './write-budgets.jobs.ts';
import { lastEmailTo } from './mailbox.ts';
import { invoiceBudgetCases } from './write-budgets.invoices.ts';
import { paymentBudgetCases } from './write-budgets.payments.ts';
import { attachSqlCounter, type SqlCounter } from './sql-counter.ts';
import type { Case } from './write-budgets.case.ts';
import { deskBudgetCases } from './write-budgets.desk.ts';
import { technicianBudgetCases } from './write-budgets.technicians.ts';
import { siteWorkBudgetCases } from './write-budgets.site-work.ts';
import { getTestApp, type TestApp } from './test-app.ts';
import { createActiveContract, createMilestone, createSubmittedMilestone } from './work.ts';
import { clientFor, createWorld, readEtag, type World } from './world.ts';

/**
 * Writes are lean: every write route runs within its budget of SQL statements per request,
 * counted on the real database (transaction control not counted). The budget is for a request
 * with a warm session, which costs at most one statement (issue 8): the session counts as one,
 * whether the request found it in the in-process cache (0) or read it (the preamble: the leading
 * reads of sessions, users and memberships, itself held to its own budget), so a count does not
 * depend on the cache. A route that grows past its budget fails here with the statements it ran.
 */
const sessionPreambleBudget = 5;
/** The session's reads: the session by its token, its user by id, and the user's memberships. */
const preambleStatements = [
  /\bfrom "sessions" where "sessions"\."token" = \$1$/,
  /\bfrom "users" where "users"\."id" = \$1$/,
  /\bwhere "(staff_members|contractor_members|technicians)"\."user_id" = \$1\b/,
];

/**
 * What the process runs on its own timers, not for the request, when a tick falls inside it: the
 * session cache following other processes' invalidations (every 2 s).
 */
const backgroundStatements = [/\bfrom "session_invalidations" where \(?"session_invalidations"\."id" > \$1\b/];

/** How many of the leading statements resolve the session (before the handler's first own statement). */
function countPreamble(statements: readonly string[]): number {
  let n = 0;
  while (n < statements.length && preambleStatements.some((p) => p.test(statements[n]!))) n++;
  return n;
}

const file = (name: string, text: string) => {
  const boundary = '----budget';
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

const contractBody = (w: World) => ({
  engagementId: w.engagementAX,
  title: 'Budgeted work',
  scopeHtml: '<p>Counted statements.</p>',
  rateType: 'milestone',
  rateAmountMinor: 100_000,
  currency: 'EUR',
  startDate: '2026-01-01',
  endDate: '2027-06-30',
  ipClause: 'Assigned on payment.',
  noticePeriodDays: 14,
});

async function uploadFor(t: TestApp, w: World, name: string): Promise<string> {
  const res = await clientFor(t, w.aOwner).request(
    'POST',
    `/api/files?engagementId=${w.engagementAX}`,
    undefined,
    file(name, `Content of ${name}`),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function inviteStaff(t: TestApp, w: World): Promise<{ id: string; email: string }> {
  const email = `budget-${randomBytes(4).toString('hex')}@example.test`;
  const res = await clientFor(t, w.aOwner).post('/api/invitations/staff', { name: 'Budget Bea', email, role: 'viewer' });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, email };
}

/** The owner's edit, with If-Match read beforehand (the read is not counted). */
async function patchWithEtag(t: TestApp, w: World, url: string, body: unknown) {
  const client = clientFor(t, w.aOwner);
  const etag = await readEtag(client, url);
  return () => client.request('PATCH', url, body, { headers: { 'if-match': etag } });
}

const email = () => `budget-${randomBytes(4).toString('hex')}@example.test`;

const cases: Case[] = [
  {
    route: 'POST /api/contracts',
    budget: 8,
    prepare: async (t, w) => () => clientFor(t, w.aOwner).post('/api/contracts', contractBody(w)),
  },
  {
    route: 'PATCH /api/contracts/:id (draft)',
    budget: 11,
    prepare: async (t, w) => {
      const id = (await clientFor(t, w.aOwner).post('/api/contracts', contractBody(w))).json().id;
      return patchWithEtag(t, w, `/api/contracts/${id}`, { title: 'Renamed draft' });
    },
  },
  {
    route: 'PATCH /api/contracts/:id (active: a revision)',
    budget: 15,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      return patchWithEtag(t, w, `/api/contracts/${id}`, { rateAmountMinor: 120_000 });
    },
  },
  {
    route: 'POST /api/contracts/:id/activate',
    budget: 15,
    prepare: async (t, w) => {
      const id = (await clientFor(t, w.aOwner).post('/api/contracts', contractBody(w))).json().id;
      return () => clientFor(t, w.aOwner).post(`/api/contracts/${id}/activate`);
    },
  },
  {
    route: 'POST /api/contracts/:id/end',
    budget: 13,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      return () => clientFor(t, w.aOwner).post(`/api/contracts/${id}/end`);
    },
  },
  {
    route: 'POST /api/contracts/:id/terminate',
    budget: 13,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      return () => clientFor(t, w.aOwner).post(`/api/contracts/${id}/terminate`);
    },
  },
  {
    route: 'POST /api/contracts/:id/renew',
    budget: 14,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      return () => clientFor(t, w.aOwner).post(`/api/contracts/${id}/renew`, { endDate: '2028-06-30' });
    },
  },
  {
    route: 'POST /api/contracts/:id/revisions/:number/acknowledge',
    budget: 9,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      return () => clientFor(t, w.xAdmin).post(`/api/contracts/${id}/revisions/1/acknowledge`);
    },
  },
  {
    route: 'POST /api/contracts/:id/documents',
    budget: 11,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      const fileId = await uploadFor(t, w, 'terms.txt');
      return () => clientFor(t, w.aOwner).post(`/api/contracts/${id}/documents`, { fileId });
    },
  },
  {
    route: 'DELETE /api/contracts/:id/documents/:fileId',
    budget: 10,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      const fileId = await uploadFor(t, w, 'terms.txt');
      expect((await clientFor(t, w.aOwner).post(`/api/contracts/${id}/documents`, { fileId })).statusCode).toBe(200);
      return () => clientFor(t, w.aOwner).request('DELETE', `/api/contracts/${id}/documents/${fileId}`);
    },
  },
  {
    route: 'POST /api/contracts/:id/milestones',
    budget: 8,
    prepare: async (t, w) => {
      const id = await createActiveContract(t, w);
      return () =>
        clientFor(t, w.aOwner).post(`/api/contracts/${id}/milestones`, {
          title: 'Counted',
          dueDate: '2026-09-30',
          amountMinor: 1000,
          currency: 'EUR',
        });
    },
  },
  {
    route: 'PATCH /api/milestones/:id',
    budget: 11,
    prepare: async (t, w) => {
      const id = await createMilestone(t, w, await createActiveContract(t, w));
      return patchWithEtag(t, w, `/api/milestones/${id}`, { title: 'Renamed milestone' });
    },
  },
  {
    route: 'DELETE /api/milestones/:id',
    budget: 7,
    prepare: async (t, w) => {
      const id = await createMilestone(t, w, await createActiveContract(t, w));
      return () => clientFor(t, w.aOwner).request('DELETE', `/api/milestones/${id}`);
    },
  },
  {
    route: 'POST /api/milestones/:id/submit',
    budget: 12,
    prepare: async (t, w) => {
      const id = await createMilestone(t, w, await createActiveContract(t, w));
      return () => clientFor(t, w.xAdmin).post(`/api/milestones/${id}/submit`, { note: 'Done.', links: ['https://example.test/work'] });
    },
  },
  {
    route: 'POST /api/milestones/:id/request-changes',
    budget: 11,
    prepare: async (t, w) => {
      const id = await createSubmittedMilestone(t, w, await createActiveContract(t, w));
      return () => clientFor(t, w.aOwner).post(`/api/milestones/${id}/request-changes`, { reason: 'One more pass.' });
    },
  },
  {
    route: 'POST /api/milestones/:id/approve',
    budget: 12,
    prepare: async (t, w) => {
      const id = await createSubmittedMilestone(t, w, await createActiveContract(t, w));
      return () => clientFor(t, w.aOwner).post(`/api/milestones/${id}/approve`, {});
    },
  },
  {
    route: 'POST /api/milestones/bulk-approve (3)',
    budget: 35,
    prepare: async (t, w) => {
      const contractId = await createActiveContract(t, w);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await createSubmittedMilestone(t, w, contractId));
      return () => clientFor(t, w.aOwner).post('/api/milestones/bulk-approve', { ids });
    },
  },
  {
    route: 'POST /api/milestones/:id/attachments',
    budget: 10,
    prepare: async (t, w) => {
      const id = await createMilestone(t, w, await createActiveContract(t, w));
      const fileId = await uploadFor(t, w, 'brief.txt');
      return () => clientFor(t, w.aOwner).post(`/api/milestones/${id}/attachments`, { fileId });
    },
  },
  {
    route: 'DELETE /api/milestones/:id/attachments/:fileId',
    budget: 9,
    prepare: async (t, w) => {
      const id = await createMilestone(t, w, await createActiveContract(t, w));
      const fileId = await uploadFor(t, w, 'brief.txt');
      expect((await clientFor(t, w.aOwner).post(`/api/milestones/${id}/attachments`, { fileId })).statusCode).toBe(200);
      return () => clientFor(t, w.aOwner).request('DELETE', `/api/milestones/${id}/attachments/${fileId}`);
    },
  },
  {
    route: 'POST /api/files',
    budget: 6,
    prepare: async (t, w) => () =>
      clientFor(t, w.aOwner).request('POST', `/api/files?engagementId=${w.engagementAX}`, undefined, file('notes.txt', 'Counted notes')),
  },
  {
    route: 'POST /api/invitations/staff',
    budget: 8,
    prepare: async (t, w) => () => clientFor(t, w.aOwner).post('/api/invitations/staff', { name: 'Bea', email: email(), role: 'viewer' }),
  },
  {
    route: 'POST /api/invitations/contractor',
    budget: 13,
    prepare: async (t, w) => () =>
      clientFor(t, w.aOwner).post('/api/invitations/contractor', { businessName: 'Counted Co', name: 'Cal', email: email() }),
  },
  {
    route: 'POST /api/invitations/member',
    budget: 7,
    prepare: async (t, w) => () => clientFor(t, w.xAdmin).post('/api/invitations/member', { name: 'Olga', email: email(), role: 'office' }),
  },
  {
    route: 'POST /api/invitations/technician',
    budget: 7,
    prepare: async (t, w) => () => clientFor(t, w.xAdmin).post('/api/invitations/technician', { name: 'Tom', email: email() }),
  },
  {
    route: 'POST /api/invitations/:id/revoke',
    budget: 6,
    prepare: async (t, w) => {
      const { id } = await inviteStaff(t, w);
      return () => clientFor(t, w.aOwner).post(`/api/invitations/${id}/revoke`);
    },
  },
  {
    route: 'POST /api/invitations/accept (new person)',
    public: true,
    // better-auth's sign-up and sign-in, with its occasional sweep of expired verifications (2 more on PostgreSQL).
    budget: 28,
    prepare: async (t, w) => {
      const invited = await inviteStaff(t, w);
      const { token } = await lastEmailTo(t, invited.email);
      return () => clientFor(t, null).post('/api/invitations/accept', { token, name: 'Budget Bea', password: 'Granite-Meadow-Falcon-19' });
    },
  },
  {
    route: 'POST /api/engagements/:id/end',
    budget: 11,
    prepare: async (t) => {
      const world = await createWorld(t);
      return () => clientFor(t, world.aOwner).post(`/api/engagements/${world.engagementAX}/end`);
    },
  },
  {
    route: 'POST /api/engagements/:id/reactivate',
    budget: 11,
    prepare: async (t) => {
      const world = await createWorld(t);
      expect((await clientFor(t, world.aOwner).post(`/api/engagements/${world.engagementAX}/end`)).statusCode).toBe(200);
      return () => clientFor(t, world.aOwner).post(`/api/engagements/${world.engagementAX}/reactivate`);
    },
  },
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
  ...paymentBudgetCases,
  ...jobBudgetCases,
  ...invoiceBudgetCases,
  {
    route: 'PATCH /api/organizations/current',
    budget: 7,
    prepare: async (t, w) => patchWithEtag(t, w, '/api/organizations/current', { name: `Renamed ${w.suffix}` }),
  },
  ...deskBudgetCases,
  ...technicianBudgetCases,
  ...siteWorkBudgetCases,
];

/** Waits (polling) until the database has been quiet for a while: work queued by the setup (emails) must not count. */
async function settle(counter: SqlCounter): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen = -1;
  while (Date.now() < deadline) {
    counter.reset();
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (counter.count === 0 && seen === 0) return;
    seen = counter.count;
  }
}

describe('write routes stay within their SQL statement budgets', () => {
  let t: TestApp;
  let w: World;
  let counter: SqlCounter;
  const counted: Array<{ route: string; count: number; budget: number }> = [];
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    counter = attachSqlCounter(t.db);
  });
  afterAll(() => {
    counter?.detach();
    console.info(counted.map((c) => `${c.route}: ${c.count} statements (budget ${c.budget})`).join('\n'));
  });

  for (const c of cases) {
    it(`${c.route} runs at most ${c.budget} statements`, async () => {
      const send = await c.prepare(t, w);
      await settle(counter);
      const measured = await counter.measure(send);
      const { result } = measured;
      expect(result.statusCode, result.body).toBeLessThan(300);
      const statements = measured.statements.filter((q) => !backgroundStatements.some((p) => p.test(q)));
      const total = statements.length;
      const preamble = c.public ? 0 : countPreamble(statements);
      // The session at its warm cost, whether this request found it cached (0) or not (the preamble).
      const count = total - preamble + (c.public ? 0 : 1);
      counted.push({ route: c.route, count, budget: c.budget });
      expect(preamble, `the session preamble ran ${preamble} statements`).toBeLessThanOrEqual(sessionPreambleBudget);
      expect(
        count,
        `${c.route} ran ${count} statements with a warm session (${total} in all):\n${statements.join('\n')}`,
      ).toBeLessThanOrEqual(c.budget);
    });
  }
});
