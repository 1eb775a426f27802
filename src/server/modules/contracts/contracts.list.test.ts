import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contractMilestoneTotals, milestones } from '../../db/schema/index.ts';
import { runInTransaction } from '../../db/transaction.ts';
import { createStatementCounter, useCountedWorld } from '../../test/statements.ts';
import type { TestApp } from '../../test/test-app.ts';
import { createActiveContract, createMilestone, createSubmittedMilestone } from '../../test/work.ts';
import { clientFor } from '../../test/world.ts';

/** The contracts list and page: each contract's totals come with it, in one statement for a page (an app of its own, every statement counted). */
describe('contracts list: totals', () => {
  const counter = createStatementCounter();
  const world = useCountedWorld(counter);

  it('totals milestones by status and currency, the same in the list and on the page, read with the contracts in one statement', async () => {
    const { t, w } = world;
    const id = await createActiveContract(t, w);
    const ids: string[] = [];
    for (const amountMinor of [100_000, 50_000, 30_000, 20_000, 10_000]) ids.push(await createMilestone(t, w, id, { amountMinor }));
    const set = (i: number, change: Partial<typeof milestones.$inferInsert>) =>
      t.db.update(milestones).set(change).where(eq(milestones.id, ids[i]!));
    await set(1, { status: 'submitted' });
    await set(2, { status: 'approved' });
    await set(3, { status: 'paid' });
    await set(4, { currency: 'USD' });
    const summary = {
      leftToDeliver: [
        { amountMinor: 150_000, currency: 'EUR' },
        { amountMinor: 10_000, currency: 'USD' },
      ],
      approvedUnpaid: [{ amountMinor: 30_000, currency: 'EUR' }],
      paid: [{ amountMinor: 20_000, currency: 'EUR' }],
      milestones: { open: 2, submitted: 1, changesRequested: 0, approved: 1, paid: 1 },
    };
    const contractor = clientFor(t, w.xAdmin);
    const list = () => contractor.get(`/api/contracts?engagementId=${w.engagementAX}`);
    await list();
    const warm = await counter.count(list);
    expect(warm.result.json().items.find((c: { id: string }) => c.id === id).summary).toEqual(summary);
    // The session is cached (at most one statement); the page, its milestone sums and revisions to acknowledge are one.
    const totals = warm.statements.filter((q) => q.includes('"milestones"') || q.includes('"contract_revisions"'));
    expect(totals).toHaveLength(1);
    expect(totals[0]).toContain('"contracts"');
    expect(warm.statements.length).toBeLessThanOrEqual(2);
    const page = await clientFor(t, w.aOwner).get(`/api/contracts/${id}`);
    expect(page.json().summary).toEqual(summary);
  });
});

/** What contract_milestone_totals holds for a contract, and what summing its milestones now gives. */
async function totalsAndRecount(t: TestApp, contractId: string) {
  const kept = await t.db
    .select({ sums: contractMilestoneTotals.sums })
    .from(contractMilestoneTotals)
    .where(eq(contractMilestoneTotals.contractId, contractId));
  const recount = await t.db.execute(sql`
    select coalesce(json_agg(json_build_array(s.status, s.currency, s.amount, s.n) order by s.status, s.currency), '[]'::json) as sums
    from (select status, currency, sum(amount_minor)::text as amount, count(*)::int as n from milestones
      where contract_id = ${contractId} group by status, currency) s`);
  return { kept: kept[0]?.sums ?? [], recount: (recount as unknown as { rows: Array<{ sums: unknown }> }).rows[0]?.sums };
}

/** The totals are the database's (a trigger deferred to commit): every change counts, a rollback none, concurrent ones all. */
describe('contracts list: totals kept by the database', () => {
  const counter = createStatementCounter();
  const world = useCountedWorld(counter);

  it('counts every change made through the API, and none of a transaction rolled back', async () => {
    const { t, w } = world;
    const id = await createActiveContract(t, w);
    const owner = clientFor(t, w.aOwner);
    const contractor = clientFor(t, w.xAdmin);
    expect(await totalsAndRecount(t, id)).toEqual({ kept: [], recount: [] });
    const [a, b, c, d] = [
      await createMilestone(t, w, id, { amountMinor: 100_000 }),
      await createMilestone(t, w, id, { amountMinor: 50_000 }),
      await createMilestone(t, w, id, { amountMinor: 30_000 }),
      await createMilestone(t, w, id, { amountMinor: 20_000 }),
    ];
    expect((await owner.edit(`/api/milestones/${a}`, { amountMinor: 120_000 })).statusCode).toBe(200);
    expect((await contractor.post(`/api/milestones/${b}/submit`, { note: 'Done' })).statusCode).toBe(200);
    expect((await contractor.post(`/api/milestones/${c}/submit`, { note: 'Done' })).statusCode).toBe(200);
    expect((await owner.post(`/api/milestones/${c}/approve`, {})).statusCode).toBe(200);
    expect((await owner.request('DELETE', `/api/milestones/${d}`)).statusCode).toBe(200);
    await expect(
      runInTransaction(t.db, async (tx) => {
        await tx.update(milestones).set({ status: 'paid' }).where(eq(milestones.id, a));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const { kept, recount } = await totalsAndRecount(t, id);
    expect(kept).toEqual([
      ['approved', 'EUR', '30000', 1],
      ['open', 'EUR', '120000', 1],
      ['submitted', 'EUR', '50000', 1],
    ]);
    expect(kept).toEqual(recount);
    const listed = (await contractor.get(`/api/contracts?engagementId=${w.engagementAX}`))
      .json()
      .items.find((x: { id: string }) => x.id === id);
    expect(listed.summary).toEqual({
      leftToDeliver: [{ amountMinor: 170_000, currency: 'EUR' }],
      approvedUnpaid: [{ amountMinor: 30_000, currency: 'EUR' }],
      paid: [],
      milestones: { open: 1, submitted: 1, changesRequested: 0, approved: 1, paid: 0 },
    });
    // A contract whose last milestone is deleted has no totals row, and shows nothing.
    const other = await createActiveContract(t, w);
    const only = await createMilestone(t, w, other);
    expect((await totalsAndRecount(t, other)).kept).toHaveLength(1);
    expect((await owner.request('DELETE', `/api/milestones/${only}`)).statusCode).toBe(200);
    expect(await totalsAndRecount(t, other)).toEqual({ kept: [], recount: [] });
  });

  it('sums a contract once per transaction, after its last change: many milestones in one statement, then more', async () => {
    const { t, w } = world;
    const id = await createActiveContract(t, w);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await createMilestone(t, w, id, { amountMinor: 10_000 * (i + 1) }));
    await runInTransaction(t.db, async (tx) => {
      await tx.update(milestones).set({ status: 'submitted' }).where(eq(milestones.contractId, id));
      await tx.update(milestones).set({ amountMinor: 1_000 }).where(eq(milestones.id, ids[0]!));
      await tx.update(milestones).set({ status: 'approved' }).where(eq(milestones.id, ids[5]!));
    });
    const { kept, recount } = await totalsAndRecount(t, id);
    expect(kept).toEqual([
      ['approved', 'EUR', '60000', 1],
      ['submitted', 'EUR', String(1_000 + 20_000 + 30_000 + 40_000 + 50_000), 5],
    ]);
    expect(kept).toEqual(recount);
  });

  it('counts concurrent approvals on two contracts, none lost and none waiting on another', async () => {
    const { t, w } = world;
    const contractIds = [await createActiveContract(t, w), await createActiveContract(t, w)];
    const submitted: string[] = [];
    for (const contractId of contractIds) for (let i = 0; i < 6; i++) submitted.push(await createSubmittedMilestone(t, w, contractId));
    const owner = clientFor(t, w.aOwner);
    const answers = await Promise.all(submitted.map((m) => owner.post(`/api/milestones/${m}/approve`, {})));
    expect(answers.map((r) => r.statusCode)).toEqual(submitted.map(() => 200));
    for (const contractId of contractIds) {
      const { kept, recount } = await totalsAndRecount(t, contractId);
      expect(kept).toEqual([['approved', 'EUR', String(6 * 250_000), 6]]);
      expect(kept).toEqual(recount);
    }
  });
});
