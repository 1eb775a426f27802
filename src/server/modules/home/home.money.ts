import { and, asc, count, desc, eq, inArray, notExists, isNotNull, isNull, or, type SQL, sql, sum } from 'drizzle-orm';
import { liveInvoiceStatuses } from '../../../shared/domain/invoice.machine.ts';
import type { FourEyesRule } from '../../../shared/domain/payment.rules.ts';
import { type ContractorMoney, HOME_LIST_LIMIT, type HomePayment, type StaffMoney } from '../../../shared/schemas/home.schema.ts';
import type { Actor } from '../../access/actor.ts';
import { byParties, scopes } from '../../access/scopes.ts';
import { paymentAbilities } from '../../access/policies.ts';
import type { Db } from '../../db/client.ts';
import { readTogether } from '../../db/transaction.ts';
import { contractors, invoices, organizations, paymentApprovalRules, payments } from '../../db/schema/index.ts';
import { alias } from 'drizzle-orm/pg-core';

const noRule: FourEyesRule = { enabled: false, thresholds: [] };

/** The other party's name column: the organization for a contractor, the contractor for staff. */
function partyName(actor: Actor) {
  return actor.kind === 'staff' ? contractors.name : organizations.name;
}

async function countPayments(db: Db, actor: Actor, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(payments)
    .where(and(scopes.payments(actor), where));
  return row?.n ?? 0;
}

async function listPayments(db: Db, actor: Actor, where: SQL | undefined, order: SQL[], limit = HOME_LIST_LIMIT): Promise<HomePayment[]> {
  const rows = await db
    .select({
      id: payments.id,
      partyName: partyName(actor),
      description: payments.description,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      status: payments.status,
      method: payments.method,
      reference: payments.reference,
      sentOn: sql<string | null>`to_char(${payments.sentOn}, 'YYYY-MM-DD')`,
      expectedOn: sql<string | null>`to_char(${payments.expectedOn}, 'YYYY-MM-DD')`,
      proofFileId: payments.proofFileId,
      createdAt: payments.createdAt,
      createdByUserId: payments.createdByUserId,
      secondApprovedByUserId: payments.secondApprovedByUserId,
    })
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, payments.organizationId))
    .innerJoin(contractors, eq(contractors.id, payments.contractorId))
    .where(and(scopes.payments(actor), where))
    .orderBy(...order)
    .limit(limit);
  return rows.map(({ createdByUserId, secondApprovedByUserId, ...row }) => {
    const abilities = paymentAbilities(actor, { ...row, createdByUserId, secondApprovedByUserId }, noRule);
    return {
      ...row,
      createdAt: row.createdAt.toISOString(),
      abilities: { confirmReceipt: abilities.confirmReceipt, dispute: abilities.dispute },
    };
  });
}

async function paymentSection(db: Db, actor: Actor, where: SQL | undefined, order: SQL[]) {
  const [count, items] = await readTogether(
    db,
    () => countPayments(db, actor, where),
    () => listPayments(db, actor, where, order),
  );
  return { count, items };
}

async function invoiceSection(db: Db, actor: Actor, where: SQL | undefined) {
  const scoped = and(byParties(actor, invoices), where);
  const [[row], items] = await readTogether(
    db,
    () => db.select({ n: count() }).from(invoices).where(scoped),
    () =>
      db
        .select({
          id: invoices.id,
          number: invoices.number,
          partyName: partyName(actor),
          totalMinor: invoices.totalMinor,
          currency: invoices.currency,
          status: invoices.status,
          issueOn: invoices.issueOn,
          rejectReason: invoices.rejectReason,
        })
        .from(invoices)
        .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
        .innerJoin(contractors, eq(contractors.id, invoices.contractorId))
        .where(scoped)
        .orderBy(desc(invoices.createdAt), desc(invoices.id))
        .limit(HOME_LIST_LIMIT),
  );
  return { count: row?.n ?? 0, items };
}

/** Sent payments first by expected arrival (none last), then by when they were sent. */
const byArrival = [sql`${payments.expectedOn} asc nulls last`, asc(payments.sentOn), asc(payments.id)];
/** Newest sent first: with `sent_on is not null` in the condition, a backward scan of the side's history index. */
const newestSent = [desc(payments.sentOn), desc(payments.id)];

/** Rejected invoices that have no live correction yet: the contractor has something to fix. */
function uncorrected(db: Db): SQL {
  const correction = alias(invoices, 'correction');
  const live = db
    .select({ one: sql`1` })
    .from(correction)
    .where(and(eq(correction.correctsInvoiceId, invoices.id), inArray(correction.status, [...liveInvoiceStatuses])));
  return and(eq(invoices.status, 'rejected'), notExists(live)) as SQL;
}

/** What the contractor is owed per company and currency: the drafts summed on the index alone, then named. */
function readBalances(db: Db, actor: Actor) {
  const drafts = db
    .select({
      organizationId: payments.organizationId,
      currency: payments.currency,
      amountMinor: sum(payments.amountMinor).mapWith(Number).as('amount_minor'),
      count: count().as('count'),
    })
    .from(payments)
    .where(and(scopes.payments(actor), eq(payments.status, 'draft')))
    .groupBy(payments.organizationId, payments.currency)
    .as('drafts');
  return db
    .select({
      organizationId: drafts.organizationId,
      organizationName: organizations.name,
      currency: drafts.currency,
      amountMinor: drafts.amountMinor,
      count: drafts.count,
    })
    .from(drafts)
    .innerJoin(organizations, eq(organizations.id, drafts.organizationId))
    .orderBy(asc(organizations.name), asc(drafts.currency));
}

export async function readContractorMoney(db: Db, actor: Actor): Promise<ContractorMoney> {
  const [balances, upcoming, disputed, recent, invoicesRejected] = await readTogether(
    db,
    () => readBalances(db, actor),
    () => paymentSection(db, actor, eq(payments.status, 'sent'), byArrival),
    () => paymentSection(db, actor, and(isNotNull(payments.sentOn), eq(payments.status, 'disputed')), newestSent),
    () => listPayments(db, actor, and(isNotNull(payments.sentOn), inArray(payments.status, ['sent', 'received', 'disputed'])), newestSent),
    () => invoiceSection(db, actor, uncorrected(db)),
  );
  return { balances, upcoming, disputed, recent, invoicesRejected };
}

/** Drafts that wait for a second approval under the organization's rule (false when the rule is off). */
function awaitingApproval(rule: FourEyesRule): SQL {
  if (!rule.enabled || rule.thresholds.length === 0) return sql`false`;
  const over = rule.thresholds.map((t) => and(eq(payments.currency, t.currency), sql`${payments.amountMinor} >= ${t.minAmountMinor}`));
  return and(eq(payments.status, 'draft'), isNull(payments.secondApprovedByUserId), or(...over)) as SQL;
}

/** The company's totals per currency: drafts (to send) and money on its way (sent or disputed). */
async function readStaffTotals(db: Db, actor: Actor & { kind: 'staff' }): Promise<StaffMoney['totals']> {
  const totals = await db
    .select({
      currency: payments.currency,
      status: payments.status,
      amountMinor: sum(payments.amountMinor).mapWith(Number),
      n: count(),
    })
    .from(payments)
    .where(and(scopes.payments(actor), inArray(payments.status, ['draft', 'sent', 'disputed'])))
    .groupBy(payments.currency, payments.status);
  const byCurrency = new Map<string, StaffMoney['totals'][number]>();
  for (const row of totals) {
    const entry = byCurrency.get(row.currency) ?? {
      currency: row.currency,
      draftMinor: 0,
      draftCount: 0,
      inFlightMinor: 0,
      inFlightCount: 0,
    };
    if (row.status === 'draft') {
      entry.draftMinor += row.amountMinor;
      entry.draftCount += row.n;
    } else {
      entry.inFlightMinor += row.amountMinor;
      entry.inFlightCount += row.n;
    }
    byCurrency.set(row.currency, entry);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export async function readStaffMoney(db: Db, actor: Actor & { kind: 'staff' }): Promise<StaffMoney> {
  const [ruleRow] = await db
    .select({ enabled: paymentApprovalRules.enabled, thresholds: paymentApprovalRules.thresholds })
    .from(paymentApprovalRules)
    .where(eq(paymentApprovalRules.organizationId, actor.organizationId));
  const waiting = awaitingApproval(ruleRow ?? noRule);
  const oldestFirst = [asc(payments.createdAt), asc(payments.id)];
  const [totals, toSend, toApprove, disputes, invoicesToReview] = await readTogether(
    db,
    () => readStaffTotals(db, actor),
    () => paymentSection(db, actor, and(eq(payments.status, 'draft'), sql`not (${waiting})`), oldestFirst),
    () => paymentSection(db, actor, waiting, oldestFirst),
    () => paymentSection(db, actor, and(isNotNull(payments.sentOn), eq(payments.status, 'disputed')), newestSent),
    () => invoiceSection(db, actor, eq(invoices.status, 'submitted')),
  );
  return { totals, toSend, toApprove, disputes, invoicesToReview };
}
