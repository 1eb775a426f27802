import { randomBytes } from 'node:crypto';
import { insertJob } from './technicians.fixtures.ts';
import type { Case } from './write-budgets.case.ts';
import { clientFor, readEtag } from './world.ts';

/* The crew's write routes and one job's staffing, with their statement budgets (write-budgets.test.ts runs them). */

const email = () => `budget-${randomBytes(4).toString('hex')}@example.test`;

export const technicianBudgetCases: Case[] = [
  {
    route: 'POST /api/technicians',
    budget: 17,
    prepare: async (t, w) => () =>
      clientFor(t, w.xAdmin).post('/api/technicians', { name: 'Budget Tech', email: email(), mobile: '0400 000 000' }),
  },
  {
    route: 'PATCH /api/technicians/:id',
    budget: 9,
    prepare: async (t, w) => {
      const admin = clientFor(t, w.xAdmin);
      const url = `/api/technicians/${w.xTech.context.replace('technician:', '')}`;
      const etag = await readEtag(admin, url);
      return () => admin.request('PATCH', url, { mobile: '0400 111 111' }, { headers: { 'if-match': etag } });
    },
  },
  {
    route: 'POST /api/technicians/:id/accreditations',
    budget: 9,
    prepare: async (t, w) => () =>
      clientFor(t, w.xAdmin).post(`/api/technicians/${w.xTech.context.replace('technician:', '')}/accreditations`, {
        type: 'first_aid',
        number: 'FA-1',
        expiresOn: '2030-01-01',
      }),
  },
  {
    route: 'PUT /api/jobs/:id/technicians (schedule an accepted job)',
    budget: 18,
    prepare: async (t, w) => {
      const job = await insertJob(t, {
        organizationId: w.orgA,
        contractorId: w.contractorX,
        engagementId: w.engagementAX,
        createdByUserId: w.aOwner.userId,
        status: 'accepted',
        scheduledOn: null,
      });
      return () =>
        clientFor(t, w.xAdmin).request('PUT', `/api/jobs/${job.id}/technicians`, {
          technicianIds: [w.xTech.context.replace('technician:', '')],
          scheduledOn: '2030-01-02',
        });
    },
  },
];
