import { and, asc, eq } from 'drizzle-orm';
import { getMinorDigits } from '../../../shared/domain/money.ts';
import type { RequestContext } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db } from '../../db/client.ts';
import { contractors, payments } from '../../db/schema/index.ts';
import { toCsv } from '../../lib/csv.ts';

/** 123456 EUR → "1234.56": a plain decimal, the form banks' bulk uploads read. */
export function decimalAmount(amountMinor: number, currency: string): string {
  const digits = getMinorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const text = String(amountMinor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A sent batch as CSV (payee, amount, currency, reference) for a bank's bulk upload; formulas neutralized. */
export async function batchCsv(db: Db, ctx: RequestContext, batchId: string): Promise<{ name: string; csv: string }> {
  const batch = await scoped(db, ctx.actor).paymentBatches.get(batchId, 'This batch');
  const rows = await db
    .select({ payee: contractors.name, amountMinor: payments.amountMinor, currency: payments.currency, reference: payments.reference })
    .from(payments)
    .innerJoin(contractors, eq(contractors.id, payments.contractorId))
    .where(and(eq(payments.batchId, batch.id), scopes.payments(ctx.actor)))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const csv = toCsv(
    ['payee', 'amount', 'currency', 'reference'],
    rows.map((r) => [r.payee, decimalAmount(r.amountMinor, r.currency), r.currency, r.reference ?? '']),
  );
  return { name: `payment-batch-${batch.sentOn}-${batch.id.slice(0, 8)}.csv`, csv };
}
