import { randomBytes } from 'node:crypto';
import { like } from 'drizzle-orm';
import { jobs } from '../db/schema/index.ts';
import { insertJobsInBulk } from '../demo/demo.desk.ts';
import type { TestApp } from './test-app.ts';
import type { Case } from './write-budgets.case.ts';
import { clientFor, type World } from './world.ts';

/** The desk's bulk requests: their statements do not grow with the number of jobs. */

let deskNumbers = 0;
/** 200 of X's jobs at A in one status, inserted in bulk; their ids. */
async function deskJobs(t: TestApp, w: World, status: 'accepted' | 'assigned'): Promise<string[]> {
  const label = `Budget ${randomBytes(4).toString('hex')}`;
  await insertJobsInBulk(t.db, {
    organizationId: w.orgA,
    contractorId: w.contractorX,
    engagementId: w.engagementAX,
    createdByUserId: w.aOwner.userId,
    count: 200,
    numberFrom: 10_000 + 1000 * deskNumbers++,
    today: '2026-12-01',
    statuses: [status],
    label,
  });
  const rows = await t.db
    .select({ id: jobs.id })
    .from(jobs)
    .where(like(jobs.siteName, `${label} %`));
  return rows.map((r) => r.id);
}

export const deskBudgetCases: Case[] = [
  {
    // Constant in the number of jobs: 200 here, 1,000 in the bench.
    route: 'POST /api/desk/jobs/bulk-edit (200 accepted jobs: technician and date)',
    budget: 12,
    prepare: async (t, w) => {
      const ids = await deskJobs(t, w, 'accepted');
      const technicianId = w.xTech.context.replace('technician:', '');
      return () =>
        clientFor(t, w.xAdmin).post('/api/desk/jobs/bulk-edit', {
          selection: { ids },
          technicianIds: [technicianId],
          scheduledOn: '2027-03-01',
          confirmFlagged: true,
        });
    },
  },
  {
    route: 'POST /api/desk/jobs/bulk-accept (200 assigned jobs)',
    budget: 7,
    prepare: async (t, w) => {
      const ids = await deskJobs(t, w, 'assigned');
      return () => clientFor(t, w.xAdmin).post('/api/desk/jobs/bulk-accept', { selection: { ids }, targetOn: '2027-03-01' });
    },
  },
];
