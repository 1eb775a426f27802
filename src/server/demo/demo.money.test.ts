import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceStatuses } from '../../shared/domain/invoice.machine.ts';
import { paymentStatuses } from '../../shared/domain/payment.machine.ts';
import type { RequestContext } from '../access/actor.ts';
import { contractorMembers, contractors, invoices, payments, users } from '../db/schema/index.ts';
import { readHome } from '../modules/home/home.service.ts';
import { getStatement } from '../modules/money/money.service.ts';
import { createOwnTestApp, type OwnTestApp } from '../test/own-database.ts';
import { demoCrews } from './demo.data.ts';
import { seedDemo } from './demo.seed.ts';

describe('demo data: money', () => {
  let t: OwnTestApp;
  let seconds = 0;
  beforeAll(async () => {
    t = await createOwnTestApp({ fresh: true });
    const started = performance.now();
    await seedDemo(t.db, t.storage);
    seconds = (performance.now() - started) / 1000;
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it('has payments and invoices in every status, and a year of history for one contractor', async () => {
    const [studio] = await t.db.select().from(contractors).where(eq(contractors.name, demoCrews[0]!.business));
    const rows = await t.db.select().from(payments).where(eq(payments.contractorId, studio!.id));
    expect(new Set(rows.map((p) => p.status))).toEqual(new Set(paymentStatuses));
    const invoiceRows = await t.db.select().from(invoices).where(eq(invoices.contractorId, studio!.id));
    expect(new Set(invoiceRows.map((i) => i.status))).toEqual(new Set(invoiceStatuses));
    const [admin] = await t.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .innerJoin(contractorMembers, eq(contractorMembers.userId, users.id))
      .where(eq(contractorMembers.contractorId, studio!.id));
    const ctx: RequestContext = {
      actor: { kind: 'contractor', userId: admin!.id, contractorId: studio!.id, role: 'admin' },
      user: { ...admin!, twoFactorEnabled: false },
      sessionId: 'test',
      requestId: 'test',
      ip: '127.0.0.1',
    };
    const yearAgo = new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10);
    const statement = await getStatement(t.db, ctx, {
      organizationId: rows[0]!.organizationId,
      from: yearAgo,
      to: new Date().toISOString().slice(0, 10),
    });
    const paidMonths = new Set(statement.lines.filter((l) => l.kind === 'paid').map((l) => l.date.slice(0, 7)));
    expect(paidMonths.size).toBeGreaterThanOrEqual(11);
    const home = await readHome(t.db, ctx);
    if (home.kind !== 'contractor') throw new Error('expected the contractor Home');
    expect(home.money.upcoming.count).toBeGreaterThanOrEqual(2);
    expect(home.money.disputed.count).toBe(1);
    expect(home.money.invoicesRejected.count).toBe(1);
    expect(home.money.balances[0]!.amountMinor).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(30);
  });
});
