import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { paidPaymentStatuses } from '../../../shared/domain/payment.machine.ts';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Statement, StatementLine, StatementTotals } from '../../../shared/schemas/statement.schema.ts';
import type { Executor } from '../../db/client.ts';
import { invoices, payments } from '../../db/schema/index.ts';
import type { Parties } from './money.parties.ts';

const sourceLabels: Record<string, string> = {
  milestone: 'Milestone approved',
  invoice: 'Invoice approved',
  manual: 'Payment entered',
  adjustment: 'Adjustment',
};

/** A day on the organization's calendar, from a timestamp column. */
function localDay(column: AnyPgColumn, timeZone: string) {
  return sql<string>`to_char(${column} at time zone ${timeZone}, 'YYYY-MM-DD')`;
}

const kindOrder = { approved: 0, cancelled: 1, paid: 2 } as const;

/**
 * The contractor's statement with one organization over a period (days on the organization's
 * calendar, inclusive). Every payment that is not cancelled was approved money owed; it is paid
 * on the day it was sent. So, per currency:
 *   opening = approved − cancelled − paid before the period,
 *   closing = opening + approved − cancelled − paid in it,
 * and a statement that ends today closes on the balance (the drafts). Invoices issued in the
 * period are listed beside it; their money enters through the payment their approval created.
 */
export async function readStatement(db: Executor, parties: Parties, from: string, to: string): Promise<Statement> {
  const tz = parties.timeZone;
  const createdDay = localDay(payments.createdAt, tz);
  const cancelledDay = localDay(payments.updatedAt, tz);
  // The day it was sent: the date finance recorded, else (a payment Portico marked sent) the moment it was.
  const sentDay = sql<
    string | null
  >`to_char(coalesce(${payments.sentOn}, (coalesce(${payments.sentAt}, ${payments.updatedAt}) at time zone ${tz})::date), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      id: payments.id,
      source: payments.source,
      description: payments.description,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      status: payments.status,
      method: payments.method,
      reference: payments.reference,
      createdDay,
      cancelledDay,
      sentDay,
    })
    .from(payments)
    .where(
      and(
        eq(payments.organizationId, parties.organizationId),
        eq(payments.contractorId, parties.contractorId),
        sql`(${payments.createdAt} at time zone ${tz})::date <= ${to}::date`,
      ),
    );
  const totals = new Map<string, StatementTotals>();
  const totalsOf = (currency: string) => {
    let entry = totals.get(currency);
    if (!entry) {
      entry = { currency, openingMinor: 0, approvedMinor: 0, cancelledMinor: 0, paidMinor: 0, closingMinor: 0 };
      totals.set(currency, entry);
    }
    return entry;
  };
  const lines: Omit<StatementLine, 'balanceMinor'>[] = [];
  for (const row of rows) {
    const entry = totalsOf(row.currency);
    const base = { paymentId: row.id, currency: row.currency, status: row.status };
    const paidBy = { method: row.method, reference: row.reference };
    const none = { method: null, reference: null };
    const what = row.description ?? sourceLabels[row.source] ?? 'Payment';
    const events: Array<{ kind: StatementLine['kind']; date: string; signed: number; description: string }> = [
      {
        kind: 'approved',
        date: row.createdDay,
        signed: row.amountMinor,
        description: `${sourceLabels[row.source] ?? 'Approved'}: ${what}`,
      },
    ];
    if (row.status === 'cancelled')
      events.push({ kind: 'cancelled', date: row.cancelledDay, signed: -row.amountMinor, description: `Cancelled: ${what}` });
    if (row.sentDay && paidPaymentStatuses.includes(row.status))
      events.push({ kind: 'paid', date: row.sentDay, signed: -row.amountMinor, description: `Paid: ${what}` });
    for (const event of events) {
      if (event.date > to) continue;
      if (event.date < from) {
        entry.openingMinor += event.signed;
        continue;
      }
      if (event.kind === 'approved') entry.approvedMinor += event.signed;
      else if (event.kind === 'cancelled') entry.cancelledMinor -= event.signed;
      else entry.paidMinor -= event.signed;
      lines.push({
        ...base,
        ...(event.kind === 'paid' ? paidBy : none),
        kind: event.kind,
        date: event.date,
        amountMinor: event.signed,
        description: event.description,
      });
    }
  }
  return {
    organization: { id: parties.organizationId, name: parties.organizationName },
    contractor: { id: parties.contractorId, name: parties.contractorName },
    from,
    to,
    timeZone: tz,
    totals: closeTotals([...totals.values()]),
    lines: withRunningBalances(lines, totals),
    invoices: await readInvoices(db, parties, from, to),
  };
}

function closeTotals(totals: StatementTotals[]): StatementTotals[] {
  return totals
    .map((t) => ({ ...t, closingMinor: t.openingMinor + t.approvedMinor - t.cancelledMinor - t.paidMinor }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

/** Lines by day (approvals before cancellations before payments on one day), each with the balance of its currency after it. */
function withRunningBalances(lines: Omit<StatementLine, 'balanceMinor'>[], totals: Map<string, StatementTotals>): StatementLine[] {
  const running = new Map([...totals].map(([currency, t]) => [currency, t.openingMinor]));
  return lines
    .sort((a, b) => a.date.localeCompare(b.date) || kindOrder[a.kind] - kindOrder[b.kind] || a.paymentId.localeCompare(b.paymentId))
    .map((line) => {
      const balanceMinor = (running.get(line.currency) ?? 0) + line.amountMinor;
      running.set(line.currency, balanceMinor);
      return { ...line, balanceMinor };
    });
}

/** Invoices issued in the period, in every status (the statement shows what was asked and what became of it). */
async function readInvoices(db: Executor, parties: Parties, from: string, to: string) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      issueOn: invoices.issueOn,
      dueOn: invoices.dueOn,
      totalMinor: invoices.totalMinor,
      currency: invoices.currency,
      status: invoices.status,
    })
    .from(invoices)
    .where(
      and(
        eq(invoices.organizationId, parties.organizationId),
        eq(invoices.contractorId, parties.contractorId),
        gte(invoices.issueOn, from),
        lte(invoices.issueOn, to),
      ),
    )
    .orderBy(invoices.issueOn, invoices.number);
}
