import { and, asc, count, eq, sum } from 'drizzle-orm';
import type { Balance } from '../../../shared/schemas/statement.schema.ts';
import type { Actor } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { contractors, organizations, payments } from '../../db/schema/index.ts';

/**
 * What is approved and not paid yet: the drafts (a payment is approved money owed until it is
 * sent; a cancelled one was never owed), per organization, contractor and currency, through the
 * actor's scope: a contractor sees its balance with each organization, staff what their
 * organization owes each contractor. One grouped aggregate over the totals index.
 */
export async function readBalances(db: Executor, actor: Actor, filter: { contractorId?: string | undefined } = {}): Promise<Balance[]> {
  const rows = await db
    .select({
      organizationId: payments.organizationId,
      organizationName: organizations.name,
      contractorId: payments.contractorId,
      contractorName: contractors.name,
      currency: payments.currency,
      amountMinor: sum(payments.amountMinor).mapWith(Number),
      count: count(),
    })
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, payments.organizationId))
    .innerJoin(contractors, eq(contractors.id, payments.contractorId))
    .where(
      and(
        scopes.payments(actor),
        eq(payments.status, 'draft'),
        filter.contractorId ? eq(payments.contractorId, filter.contractorId) : undefined,
      ),
    )
    .groupBy(payments.organizationId, organizations.name, payments.contractorId, contractors.name, payments.currency)
    .orderBy(asc(organizations.name), asc(contractors.name), asc(payments.currency));
  return rows.map((r) => ({ ...r, amountMinor: r.amountMinor ?? 0 }));
}
