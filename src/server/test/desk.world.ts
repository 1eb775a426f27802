import { asc, eq, sql } from 'drizzle-orm';
import type { JobStatus } from '../../shared/domain/job.machine.ts';
import { engagements, jobs, organizations } from '../db/schema/index.ts';
import { assignTechniciansInBulk, insertJobsInBulk } from '../demo/demo.desk.ts';
import { createId } from '../lib/ids.ts';
import type { TestApp } from './test-app.ts';
import type { World } from './world.ts';

/** The technician id of a technician persona (its context is `technician:<id>`). */
export function technicianIdOf(persona: { context: string }): string {
  return persona.context.replace('technician:', '');
}

/**
 * The desk's scene on top of a world: contractor X engaged by A and by a third organization C,
 * `perOrganization` jobs at each (every status, round robin), and Y's jobs at B that X must
 * never see. Scheduled and later jobs have X's technician.
 */
export async function createDeskScene(t: TestApp, w: World, perOrganization = 22, statuses?: readonly JobStatus[]) {
  const orgC = createId();
  const engagementCX = createId();
  await t.db.insert(organizations).values({ id: orgC, name: `Org C ${w.suffix}`, timeZone: 'Australia/Sydney' });
  await t.db.insert(engagements).values({ id: engagementCX, organizationId: orgC, contractorId: w.contractorX, status: 'active' });
  const today = new Date().toISOString().slice(0, 10);
  const base = { count: perOrganization, numberFrom: 0, today, statuses, label: `Desk ${w.suffix}` };
  await insertJobsInBulk(t.db, {
    ...base,
    organizationId: w.orgA,
    contractorId: w.contractorX,
    engagementId: w.engagementAX,
    createdByUserId: w.aOwner.userId,
  });
  await insertJobsInBulk(t.db, {
    ...base,
    organizationId: orgC,
    contractorId: w.contractorX,
    engagementId: engagementCX,
    createdByUserId: w.aOwner.userId,
  });
  await insertJobsInBulk(t.db, {
    ...base,
    organizationId: w.orgB,
    contractorId: w.contractorY,
    engagementId: w.engagementBY,
    createdByUserId: w.bOwner.userId,
  });
  await assignTechniciansInBulk(t.db, w.contractorX, [technicianIdOf(w.xTech)], w.xAdmin.userId);
  await assignTechniciansInBulk(t.db, w.contractorY, [technicianIdOf(w.yTech)], w.yAdmin.userId);
  // In the order they were inserted (A's, then C's, each by number): a select without ORDER BY
  // returns the order of whatever plan it gets, and tests take slices of these lists.
  const xJobs = await t.db
    .select()
    .from(jobs)
    .where(eq(jobs.contractorId, w.contractorX))
    .orderBy(sql`${jobs.organizationId} = ${orgC}`, asc(jobs.number));
  const yJobs = await t.db.select().from(jobs).where(eq(jobs.contractorId, w.contractorY)).orderBy(asc(jobs.number));
  return { orgC, engagementCX, today, xJobs, yJobs };
}
