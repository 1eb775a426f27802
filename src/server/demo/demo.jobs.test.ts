import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobStatuses } from '../../shared/domain/job.machine.ts';
import { contractors, jobs, jobTechnicians } from '../db/schema/index.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { DEMO_DESK_JOBS } from './demo.desk.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo data: jobs', () => {
  let t: OwnTestApp;
  beforeAll(async () => {
    t = await createOwnTestApp({ fresh: true });
    await seedDemo(t.db);
  });
  afterAll(async () => {
    await t.dispose();
  });

  it('gives the demo contractor a job in every status, through the machine, with its technician on the on-site ones', async () => {
    const [harbor] = await t.db.select().from(contractors).where(eq(contractors.name, 'Harbor Electrical'));
    const rows = await t.db.select().from(jobs).where(eq(jobs.contractorId, harbor!.id));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(jobStatuses));
    // The jobs made through the machine come first; the desk's 2,000 bulk-inserted jobs follow (demo.desk.ts).
    const viaMachine = new Set(rows.filter((r) => r.number <= rows.length - DEMO_DESK_JOBS).map((r) => r.id));
    expect(rows.length - viaMachine.size).toBe(DEMO_DESK_JOBS);
    const crew = await t.db.select().from(jobTechnicians).where(eq(jobTechnicians.contractorId, harbor!.id));
    expect(crew.filter((c) => viaMachine.has(c.jobId)).length).toBe(4);
  });
});
