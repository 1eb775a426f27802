import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../shared/domain/time-zone.ts';
import { payments } from '../../db/schema/index.ts';
import { getTestApp, type TestApp } from '../../test/test-app.ts';
import { createActiveContract, createSubmittedMilestone } from '../../test/work.ts';
import { clientFor, createWorld, type World } from '../../test/world.ts';
import { markMilestonePaid } from '../milestones/milestones.service.ts';

describe('payments sent by Portico itself (a milestone marked paid)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('get the day they were sent, so the payment history and its CSV list them', async () => {
    const contractId = await createActiveContract(t, w);
    const milestoneId = await createSubmittedMilestone(t, w, contractId);
    const approved = await clientFor(t, w.aOwner).post(`/api/milestones/${milestoneId}/approve`, { note: 'Good' });
    expect(approved.statusCode, approved.body).toBe(200);
    await markMilestonePaid(t.db, milestoneId);
    const [payment] = await t.db.select().from(payments).where(eq(payments.milestoneId, milestoneId));
    expect(payment).toMatchObject({ status: 'sent', sentOn: todayIn('UTC') });
    expect(payment?.sentAt).toBeInstanceOf(Date);
    const csv = await clientFor(t, w.xAdmin).get(`/api/money/payments.csv?organizationId=${w.orgA}`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('Logo concepts');
  });
});
