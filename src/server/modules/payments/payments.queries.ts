import { and, asc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { FourEyesRule } from '../../../shared/domain/payment.rules.ts';
import type { paymentListQuerySchema, paymentTotalsQuerySchema } from '../../../shared/schemas/payment.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { paymentRoleAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import { contractors, files, organizations, paymentNotes, payments, users } from '../../db/schema/index.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, pageFrom } from '../../lib/pagination.ts';
import { readFourEyesRule } from './payments.four-eyes.ts';
import { type PaymentListRow, presentPayment, presentPaymentNote } from './payments.presenter.ts';

const paymentKeyset: Keyset = { columns: [payments.createdAt, payments.id], direction: 'desc' };
const OFF: FourEyesRule = { enabled: false, thresholds: [] };

/** The rule the abilities are computed with: the staff member's organization's; contractors never approve. */
export async function ruleFor(db: Executor, actor: Actor): Promise<FourEyesRule> {
  return actor.kind === 'staff' ? readFourEyesRule(db, actor.organizationId) : OFF;
}

function filtersOf(query: { contractorId?: string; currency?: string; from?: string; to?: string }): SQL[] {
  const where: SQL[] = [];
  if (query.contractorId) where.push(eq(payments.contractorId, query.contractorId));
  if (query.currency) where.push(eq(payments.currency, query.currency));
  if (query.from) where.push(gte(payments.createdAt, new Date(`${query.from}T00:00:00Z`)));
  if (query.to) where.push(lt(payments.createdAt, new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000)));
  return where;
}

/** Payments with the names and the proof the API shows, through the actor's scope. */
export async function readPayments(db: Executor, actor: Actor, where: SQL | undefined, options: { limit?: number; cursor?: string } = {}) {
  const query = db
    .select({
      payment: payments,
      organizationName: organizations.name,
      contractorName: contractors.name,
      proof: files,
      key: keysetKey(paymentKeyset),
    })
    .from(payments)
    .innerJoin(organizations, eq(organizations.id, payments.organizationId))
    .innerJoin(contractors, eq(contractors.id, payments.contractorId))
    .leftJoin(files, eq(files.id, payments.proofFileId))
    .where(and(scopes.payments(actor), where, keysetAfter(paymentKeyset, options.cursor)))
    .orderBy(...keysetOrder(paymentKeyset));
  return options.limit === undefined ? query : query.limit(options.limit);
}

/** Pay contractors (staff) and the contractor's payments: newest first, filtered by status, contractor, currency, dates. */
export async function listPayments(db: Db, ctx: RequestContext, query: z.infer<typeof paymentListQuerySchema>) {
  const where = and(query.status ? eq(payments.status, query.status) : undefined, ...filtersOf(query));
  const rows = await readPayments(db, ctx.actor, where, { limit: query.limit + 1, cursor: query.cursor });
  const rule = await ruleFor(db, ctx.actor);
  const page = pageFrom(rows, query.limit, (r) => r.key);
  return { items: page.items.map((r) => presentPayment(ctx.actor, r as PaymentListRow, rule)), nextCursor: page.nextCursor };
}

/** Count and sum per status and currency (never across currencies), served by the totals index of each side. */
export async function paymentTotals(db: Db, ctx: RequestContext, query: z.infer<typeof paymentTotalsQuerySchema>) {
  const rows = await db
    .select({
      status: payments.status,
      currency: payments.currency,
      amountMinor: sql<string>`sum(${payments.amountMinor})`,
      count: sql<number>`count(*)::int`,
    })
    .from(payments)
    .where(and(scopes.payments(ctx.actor), ...filtersOf(query)))
    .groupBy(payments.status, payments.currency)
    .orderBy(asc(payments.status), asc(payments.currency));
  const role = paymentRoleAbilities(ctx.actor);
  return {
    totals: rows.map((r) => ({ status: r.status, currency: r.currency, amountMinor: Number(r.amountMinor), count: r.count })),
    abilities: { create: role.create, send: role.send, manageFourEyes: role.manageFourEyes },
  };
}

/** Payments by id, shaped for the API (the ids the caller already checked or just wrote). */
export async function presentPaymentsById(db: Executor, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await readPayments(db, actor, inArray(payments.id, ids));
  const rule = await ruleFor(db, actor);
  const byId = new Map(rows.map((r) => [r.payment.id, presentPayment(actor, r as PaymentListRow, rule)]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

const createdBy = alias(users, 'created_by');
const sentBy = alias(users, 'sent_by');
const approvedBy = alias(users, 'approved_by');

/** One payment with the people on it, its dispute notes and its adjustments. */
export async function getPayment(db: Executor, ctx: RequestContext, id: string) {
  const [row] = await readPayments(db, ctx.actor, eq(payments.id, id));
  if (!row) throw notFound('This payment');
  const rule = await ruleFor(db, ctx.actor);
  const [people] = await db
    .select({ createdByName: createdBy.name, sentByName: sentBy.name, secondApprovedByName: approvedBy.name })
    .from(payments)
    .leftJoin(createdBy, eq(createdBy.id, payments.createdByUserId))
    .leftJoin(sentBy, eq(sentBy.id, payments.sentByUserId))
    .leftJoin(approvedBy, eq(approvedBy.id, payments.secondApprovedByUserId))
    .where(eq(payments.id, id));
  const notes = await db
    .select({ note: paymentNotes, authorName: users.name, file: files })
    .from(paymentNotes)
    .leftJoin(users, eq(users.id, paymentNotes.authorUserId))
    .leftJoin(files, eq(files.id, paymentNotes.fileId))
    .where(scoped(db, ctx.actor).childrenOf(paymentNotes, paymentNotes.paymentId, id))
    .orderBy(asc(paymentNotes.createdAt), asc(paymentNotes.id));
  const adjustments = await db
    .select({ id: payments.id, amountMinor: payments.amountMinor, currency: payments.currency, status: payments.status })
    .from(payments)
    .where(and(eq(payments.adjustsPaymentId, id), scopes.payments(ctx.actor)))
    .orderBy(asc(payments.createdAt));
  return {
    ...presentPayment(ctx.actor, row as PaymentListRow, rule),
    createdByName: people?.createdByName ?? null,
    sentByName: people?.sentByName ?? null,
    secondApprovedByName: people?.secondApprovedByName ?? null,
    notes: notes.map(presentPaymentNote),
    adjustments,
  };
}
