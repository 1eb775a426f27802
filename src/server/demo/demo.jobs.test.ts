import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobStatuses } from '../../shared/domain/job.machine.ts';
import { contractors, jobs, jobTechnicians, users } from '../db/schema/index.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import type { Executor } from '../db/client.ts';
import { runInTransaction } from '../db/transaction.ts';
import { findPgCode } from '../lib/errors.ts';
import { DEMO_DESK_JOBS, withForeignKeysCheckedOnce } from './demo.desk.ts';
import { seedDemo } from './demo.seed.ts';

/** The foreign keys of the desk's tables, as PostgreSQL prints them. */
async function readDeskKeys(db: Executor): Promise<string[]> {
  const result = await db.execute(
    sql`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as key
        from pg_constraint where contype = 'f' and conrelid in ('jobs'::regclass, 'job_technicians'::regclass) order by 1`,
  );
  return (result as unknown as { rows: Array<{ key: string }> }).rows.map((r) => r.key);
}

describe('demo data: jobs', () => {
  let t: OwnTestApp;
  let keysBefore: string[];
  beforeAll(async () => {
    t = await createOwnTestApp({ fresh: true });
    keysBefore = await readDeskKeys(t.db);
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

  it('checks the desk rows against their foreign keys once, and leaves the keys as the migrations made them', async () => {
    expect(keysBefore.length).toBeGreaterThanOrEqual(5);
    expect(await readDeskKeys(t.db)).toEqual(keysBefore);
    // A row that breaks a key fails the fill, and the transaction it ran in keeps the keys.
    const [job] = await t.db.select().from(jobs).limit(1);
    const [user] = await t.db.select().from(users).limit(1);
    const failure = await runInTransaction(t.db, (tx) =>
      withForeignKeysCheckedOnce(tx, ['jobs', 'job_technicians'], async () => {
        await tx.insert(jobTechnicians).values({
          id: 'no-such-technician-row',
          jobId: job!.id,
          organizationId: job!.organizationId,
          contractorId: job!.contractorId,
          technicianId: 'no-such-technician',
          assignedByUserId: user!.id,
        });
      }),
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(findPgCode(failure)).toBe('23503');
    expect(await readDeskKeys(t.db)).toEqual(keysBefore);
    expect(await t.db.select().from(jobTechnicians).where(eq(jobTechnicians.id, 'no-such-technician-row'))).toEqual([]);
  });
});
