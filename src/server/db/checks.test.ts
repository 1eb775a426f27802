import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { createActiveContract, createMilestone } from '../test/work.ts';
import { createWorld, type World } from '../test/world.ts';

/** The message of the database's refusal (PGlite and pg both name the constraint). */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return `${(error as Error).message} ${cause?.message ?? ''}`;
  }
  return 'accepted';
}

describe('the database refuses what the code never writes (CHECK constraints from the shared lists)', () => {
  let t: TestApp;
  let w: World;
  let contractId: string;
  let milestoneId: string;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    contractId = await createActiveContract(t, w);
    milestoneId = await createMilestone(t, w, contractId);
  });

  it.each([
    ['milestones', 'status', `'done'`, 'milestones_status_ck'],
    ['milestones', 'currency', `'EURO'`, 'milestones_currency_ck'],
    ['milestones', 'currency', `'XXX'`, 'milestones_currency_ck'],
    ['milestones', 'amount_minor', '0', 'milestones_amount_ck'],
    ['milestones', 'amount_minor', '-5', 'milestones_amount_ck'],
    ['contracts', 'status', `'paused'`, 'contracts_status_ck'],
    ['contracts', 'rate_type', `'weekly'`, 'contracts_rate_type_ck'],
    ['contracts', 'currency', `'eur'`, 'contracts_currency_ck'],
    ['contracts', 'rate_amount_minor', '0', 'contracts_rate_amount_ck'],
    ['engagements', 'status', `'paused'`, 'engagements_status_ck'],
  ])('%s.%s = %s is refused by %s', async (table, column, value, constraint) => {
    const id = table === 'milestones' ? milestoneId : table === 'contracts' ? contractId : w.engagementAX;
    const message = await refusal(() => t.db.execute(sql.raw(`update "${table}" set "${column}" = ${value} where id = '${id}'`)));
    expect(message).toContain(constraint);
  });

  it('accepts what the shared lists allow', async () => {
    await t.db.execute(sql`update milestones set currency = 'KWD', amount_minor = 1 where id = ${milestoneId}`);
    const message = await refusal(() =>
      t.db.execute(sql`update milestones set currency = 'EUR', amount_minor = 250000 where id = ${milestoneId}`),
    );
    expect(message).toBe('accepted');
  });
});
