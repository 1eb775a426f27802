import { and, asc, eq, gte, inArray, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import { paidPaymentStatuses } from '../../../shared/domain/payment.machine.ts';
import type { Actor } from '../../access/actor.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import { contractors, organizations, payments } from '../../db/schema/index.ts';
import { readInBatches } from '../../lib/csv.export.ts';

/** One row of payment history: what either side may see of a sent payment (nothing internal to the company). */
export interface HistoryRow {
  id: string;
  sentOn: string;
  expectedOn: string | null;
  organizationName: string;
  contractorName: string;
  description: string | null;
  source: string;
  amountMinor: number;
  currency: string;
  method: string | null;
  reference: string | null;
  status: string;
  receivedAt: Date | null;
}

export interface HistoryFilter {
  organizationId?: string | undefined;
  contractorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function historyWhere(actor: Actor, filter: HistoryFilter): SQL | undefined {
  return and(
    scopes.payments(actor),
    isNotNull(payments.sentOn),
    inArray(payments.status, [...paidPaymentStatuses]),
    filter.organizationId ? eq(payments.organizationId, filter.organizationId) : undefined,
    filter.contractorId ? eq(payments.contractorId, filter.contractorId) : undefined,
    filter.from ? gte(payments.sentOn, filter.from) : undefined,
    filter.to ? lte(payments.sentOn, filter.to) : undefined,
  );
}

/** One batch of history after the given row, by (sent_on, id): a range scan of the side's history index. */
function readHistoryBatch(db: Executor, actor: Actor, filter: HistoryFilter) {
  return async (after: HistoryRow | undefined, size: number): Promise<HistoryRow[]> => {
    const rows = await db
      .select({
        id: payments.id,
        sentOn: sql<string>`to_char(${payments.sentOn}, 'YYYY-MM-DD')`,
        expectedOn: sql<string | null>`to_char(${payments.expectedOn}, 'YYYY-MM-DD')`,
        organizationName: organizations.name,
        contractorName: contractors.name,
        description: payments.description,
        source: payments.source,
        amountMinor: payments.amountMinor,
        currency: payments.currency,
        method: payments.method,
        reference: payments.reference,
        status: payments.status,
        receivedAt: payments.receivedAt,
      })
      .from(payments)
      .innerJoin(organizations, eq(organizations.id, payments.organizationId))
      .innerJoin(contractors, eq(contractors.id, payments.contractorId))
      .where(
        and(
          historyWhere(actor, filter),
          after ? sql`(${payments.sentOn}, ${payments.id}) > (${after.sentOn}::date, ${after.id})` : undefined,
        ),
      )
      .orderBy(asc(payments.sentOn), asc(payments.id))
      .limit(size);
    return rows;
  };
}

/** Every history row of the filter, read in keyset batches as the consumer asks for them (flat memory). */
export function streamHistory(db: Executor, actor: Actor, filter: HistoryFilter, batchSize = 1000): AsyncGenerator<HistoryRow> {
  return readInBatches(readHistoryBatch(db, actor, filter), batchSize);
}

/** How many rows the filter has (bounds a PDF before it is drawn). */
export async function countHistory(db: Executor, actor: Actor, filter: HistoryFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(payments).where(historyWhere(actor, filter));
  return row?.n ?? 0;
}
