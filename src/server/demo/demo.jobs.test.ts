import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobStatuses } from '../../shared/domain/job.machine.ts';
import { contractors, jobs, jobTechnicians } from '../db/schema/index.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo data: jobs', () => {
  let t: OwnTestApp;
  beforeAll(async () => {
    t = await createOwnTestApp();
    await seedDemo(t.db);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('gives the demo contractor a job in every status, through the machine, with its technician on the on-site ones', async () => {
    const [harbor] = await t.db.select().from(contractors).where(eq(contractors.name, 'Harbor Electrical'));
    const rows = await t.db.select().from(jobs).where(eq(jobs.contractorId, harbor!.id));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(jobStatuses));
    const crew = await t.db.select().from(jobTechnicians).where(eq(jobTechnicians.contractorId, harbor!.id));
    expect(crew.length).toBe(4);
  });
});
