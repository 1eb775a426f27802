import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskListQuery, deskListQuerySchema } from '../../../shared/schemas/job-desk.schema.ts';
import type { Actor } from '../../access/actor.ts';
import { contractorMembers, contractors, engagements, organizations, users } from '../../db/schema/index.ts';
import { insertJobsInBulk, withJobIndexesDeferred } from '../../demo/demo.desk.ts';
import { createId } from '../../lib/ids.ts';
import { createOwnTestApp } from '../../test/own-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { deskCountSql, deskPageSql } from './jobs.desk.queries.ts';

/*
 * The desk view with 100,000 jobs of one contractor (and 10,000 of another): every sort, with
 * and without filters, and the search, are planned on an index of jobs, never a sequential scan
 * of it; the count stops at its cap. On PGlite a database of its own (in memory), on PostgreSQL
 * a database of its own on the server.
 */

const JOBS = 100_000;

async function explain(t: TestApp, statement: ReturnType<typeof sql>): Promise<string> {
  const result = await t.db.execute(sql`explain ${statement}`);
  return (result as unknown as { rows: Array<Record<string, string>> }).rows.map((r) => Object.values(r)[0]).join('\n');
}

describe(`the desk's plans with ${JOBS.toLocaleString('en')} jobs`, () => {
  let t: TestApp & { dispose: () => Promise<void> };
  let actor: Actor;
  const now = new Date();

  beforeAll(async () => {
    t = process.env.DATABASE_URL
      ? await createOwnTestApp()
      : await createTestApp().then((app) => ({
          ...app,
          dispose: async () => {
            await app.app.close();
            await app.database.close();
          },
        }));
    const [contractorX, contractorY, orgA, orgB, userId] = [createId(), createId(), createId(), createId(), createId()];
    await t.db.insert(users).values({ id: userId, email: `plans.${userId}@example.test`, name: 'Plan Maker', emailVerified: true });
    await t.db.insert(organizations).values([
      { id: orgA, name: 'Plans A' },
      { id: orgB, name: 'Plans B' },
    ]);
    await t.db.insert(contractors).values([
      { id: contractorX, name: 'Plans X' },
      { id: contractorY, name: 'Plans Y' },
    ]);
    const [eAX, eBX, eBY] = [createId(), createId(), createId()];
    await t.db.insert(engagements).values([
      { id: eAX, organizationId: orgA, contractorId: contractorX, status: 'active' },
      { id: eBX, organizationId: orgB, contractorId: contractorX, status: 'active' },
      { id: eBY, organizationId: orgB, contractorId: contractorY, status: 'active' },
    ]);
    const member = createId();
    await t.db.insert(contractorMembers).values({ id: member, contractorId: contractorX, userId, role: 'admin' });
    const today = now.toISOString().slice(0, 10);
    const base = { createdByUserId: userId, today };
    await withJobIndexesDeferred(t.db, async () => {
      await insertJobsInBulk(t.db, {
        ...base,
        organizationId: orgA,
        contractorId: contractorX,
        engagementId: eAX,
        count: JOBS / 2,
        numberFrom: 0,
      });
      await insertJobsInBulk(t.db, {
        ...base,
        organizationId: orgB,
        contractorId: contractorX,
        engagementId: eBX,
        count: JOBS / 2,
        numberFrom: 0,
      });
      await insertJobsInBulk(t.db, {
        ...base,
        organizationId: orgB,
        contractorId: contractorY,
        engagementId: eBY,
        count: 10_000,
        numberFrom: JOBS / 2,
      });
    });
    await t.db.execute(sql`analyze`);
    actor = { kind: 'contractor', userId, contractorId: contractorX, role: 'admin' } as Actor;
  }, 600_000);

  afterAll(async () => {
    await t?.dispose();
  });

  const queries: Array<[string, Partial<Record<keyof DeskListQuery, string>>]> = [
    ['due date', { sort: 'due' }],
    ['due date, descending, scheduled only', { sort: 'due', dir: 'desc', scheduled: 'true' }],
    ['scheduled date', { sort: 'scheduled' }],
    ['status', { sort: 'status' }],
    ['status filtered to two statuses', { sort: 'status', status: 'accepted,scheduled' }],
    ['priority, descending', { sort: 'priority', dir: 'desc' }],
    ['site', { sort: 'site' }],
    ['PO number, needs action', { sort: 'po', needsAction: 'true' }],
    ['created, descending', { sort: 'created', dir: 'desc' }],
    ['organization', { sort: 'organization' }],
    ['due date, overdue', { sort: 'due', overdue: 'true' }],
    ['due date, a search', { sort: 'due', q: 'sprinkler harbour' }],
    ['site, a rare search', { sort: 'site', q: 'PO-004242' }],
  ];

  for (const [label, raw] of queries)
    it(`plans a page by ${label} on an index, no sequential scan of jobs`, async () => {
      const query = deskListQuerySchema.parse(raw);
      const plan = await explain(t, deskPageSql(actor, query, now));
      expect(plan, plan).not.toMatch(/Seq Scan on jobs/);
      expect(plan, plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
      const started = performance.now();
      await t.db.execute(deskPageSql(actor, query, now));
      const ms = performance.now() - started;
      // Generous: a page must not be a scan of 100,000 rows (those take seconds on PGlite here).
      expect(ms, `${label}: ${ms.toFixed(0)} ms`).toBeLessThan(2000);
    });

  it('counts at most 10,001 rows ("10,000+"), on an index when filtered', async () => {
    // Unfiltered, nearly every row is the contractor's: the planner may read the table in its
    // own order, and the Limit stops it after 10,001 matches either way.
    const all = await explain(t, deskCountSql(actor, deskListQuerySchema.parse({}), now));
    expect(all).toMatch(/Limit/);
    const filtered = await explain(t, deskCountSql(actor, deskListQuerySchema.parse({ status: 'accepted', scheduled: 'true' }), now));
    expect(filtered).toMatch(/Limit/);
    expect(filtered, filtered).not.toMatch(/Seq Scan on jobs/);
    const searched = await explain(t, deskCountSql(actor, deskListQuerySchema.parse({ q: 'sprinkler' }), now));
    expect(searched, searched).toMatch(/jobs_search_idx/);
  });
});
