import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { milestones } from '../../db/schema/index.ts';
import { createStatementCounter, useCountedWorld } from '../../test/statements.ts';
import { createActiveContract, createMilestone } from '../../test/work.ts';
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
