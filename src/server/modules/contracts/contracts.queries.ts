import { and, asc, desc, eq, getTableColumns, ilike, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { sumByCurrency } from '../../../shared/domain/money.ts';
import type { contractListQuerySchema } from '../../../shared/schemas/contract.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { contractCreateAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import {
  contractDocuments,
  contractRevisions,
  contractors,
  contracts,
  files,
  milestones,
  organizations,
  users,
} from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, pageFrom } from '../../lib/pagination.ts';
import { presentFile } from '../files/files.service.ts';
import { presentContract, presentContractListItem, presentRevision, type Summary } from './contracts.presenter.ts';

/** A bigint from the database as a number, refusing one past 2^53 rather than rounding it. */
function toSafeInteger(value: string | number): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`The sum ${value} is too large to show exactly.`);
  return number;
}

/** The summary of a contract without milestones. */
function emptySummary(): Summary {
  return {
    leftToDeliver: [],
    approvedUnpaid: [],
    paid: [],
    milestones: { open: 0, submitted: 0, changesRequested: 0, approved: 0, paid: 0 },
  };
}

/** Milestone money per contract: what is left to deliver, approved but unpaid, and paid; per currency. */
async function summarize(db: Executor, actor: Actor, contractIds: string[]): Promise<Map<string, Summary>> {
  const result = new Map<string, Summary>();
  if (contractIds.length === 0) return result;
  const rows = await db
    .select({
      contractId: milestones.contractId,
      status: milestones.status,
      currency: milestones.currency,
      // Summed exactly (numeric → bigint; an overflow is an error, never a rounding).
      amountMinor: sql<string>`sum(${milestones.amountMinor})::bigint`,
      count: sql<number>`count(*)::int`,
    })
    .from(milestones)
    .where(scoped(db, actor).childrenOf(milestones, milestones.contractId, contractIds))
    .groupBy(milestones.contractId, milestones.status, milestones.currency);
  for (const id of contractIds) result.set(id, emptySummary());
  for (const row of rows) {
    const summary = result.get(row.contractId)!;
    const money = { amountMinor: toSafeInteger(row.amountMinor), currency: row.currency };
    if (row.status === 'approved') summary.approvedUnpaid = sumByCurrency([...summary.approvedUnpaid, money]);
    else if (row.status === 'paid') summary.paid = sumByCurrency([...summary.paid, money]);
    else summary.leftToDeliver = sumByCurrency([...summary.leftToDeliver, money]);
    const key = row.status === 'changes_requested' ? 'changesRequested' : row.status;
    summary.milestones[key] += Number(row.count);
  }
  return result;
}

/** Recently changed first; indexes (organization_id | contractor_id, updated_at, id). */
const contractKeyset: Keyset = { columns: [contracts.updatedAt, contracts.id], direction: 'desc' };

/** What a list reads of each contract: not the scope and IP clause (long texts that only its page shows). */
const { scopeHtml: _scope, ipClause: _ip, createdByUserId: _creator, ...listColumns } = getTableColumns(contracts);

/** Contracts with their parties' names, in the actor's scope. */
function selectContracts<C extends typeof listColumns>(db: Executor, actor: Actor, columns: C, where: SQL | undefined, limit: number) {
  return db
    .select({ contract: columns, organizationName: organizations.name, contractorName: contractors.name, key: keysetKey(contractKeyset) })
    .from(contracts)
    .innerJoin(organizations, eq(organizations.id, contracts.organizationId))
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .where(and(scopes.contracts(actor), where))
    .orderBy(...keysetOrder(contractKeyset))
    .limit(limit);
}

/** Each contract's milestone summary and its terms' revisions waiting for acknowledgement. */
async function readTotals(db: Executor, actor: Actor, ids: string[]) {
  const [summaries, pending] = await readTogether(
    db,
    () => summarize(db, actor, ids),
    () =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select({ contractId: contractRevisions.contractId, n: sql<number>`count(*)::int` })
            .from(contractRevisions)
            .where(
              and(
                scoped(db, actor).childrenOf(contractRevisions, contractRevisions.contractId, ids),
                sql`${contractRevisions.acknowledgedAt} is null`,
              ),
            )
            .groupBy(contractRevisions.contractId),
  );
  const unacknowledged = new Map(pending.map((p) => [p.contractId, Number(p.n)]));
  return { summaryOf: (id: string) => summaries.get(id)!, unacknowledgedOf: (id: string) => unacknowledged.get(id) ?? 0 };
}

export async function listContracts(db: Db, ctx: RequestContext, query: z.infer<typeof contractListQuerySchema>) {
  const search = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await selectContracts(
    db,
    ctx.actor,
    listColumns,
    and(
      query.engagementId ? eq(contracts.engagementId, query.engagementId) : undefined,
      query.status ? eq(contracts.status, query.status) : undefined,
      search ? ilike(contracts.title, search) : undefined,
      keysetAfter(contractKeyset, query.cursor),
    ),
    query.limit + 1,
  );
  const page = pageFrom(rows, query.limit, (r) => r.key);
  const totals = await readTotals(
    db,
    ctx.actor,
    page.items.map((r) => r.contract.id),
  );
  return {
    items: page.items.map((row) =>
      presentContractListItem(ctx.actor, row, totals.unacknowledgedOf(row.contract.id), totals.summaryOf(row.contract.id)),
    ),
    nextCursor: page.nextCursor,
    abilities: contractCreateAbilities(ctx.actor),
  };
}

export async function getContract(db: Executor, ctx: RequestContext, id: string) {
  const [row] = await selectContracts(db, ctx.actor, getTableColumns(contracts), eq(contracts.id, id), 1);
  if (!row) throw notFound('This contract');
  const [totals, documents] = await readTogether(
    db,
    () => readTotals(db, ctx.actor, [id]),
    () =>
      db
        .select({ file: files })
        .from(contractDocuments)
        .innerJoin(files, eq(files.id, contractDocuments.fileId))
        .where(scoped(db, ctx.actor).childrenOf(contractDocuments, contractDocuments.contractId, id))
        .orderBy(asc(contractDocuments.createdAt)),
  );
  return {
    ...presentContract(ctx.actor, row, totals.unacknowledgedOf(id), totals.summaryOf(id)),
    documents: documents.map((d) => presentFile(d.file)),
  };
}

/**
 * A contract just created: no milestones, revisions or documents yet, so its one read is the row
 * with its parties' names.
 */
export async function getNewContract(db: Executor, ctx: RequestContext, id: string) {
  const [row] = await selectContracts(db, ctx.actor, getTableColumns(contracts), eq(contracts.id, id), 1);
  if (!row) throw notFound('This contract');
  return { ...presentContract(ctx.actor, row, 0, emptySummary()), documents: [] };
}

export async function listRevisions(db: Db, ctx: RequestContext, contractId: string) {
  await scoped(db, ctx.actor).contracts.get(contractId, 'This contract');
  const creator = sql<string | null>`(select name from ${users} where ${users.id} = ${contractRevisions.createdByUserId})`;
  const acknowledger = sql<string | null>`(select name from ${users} where ${users.id} = ${contractRevisions.acknowledgedByUserId})`;
  const rows = await db
    .select({ revision: contractRevisions, createdByName: creator, acknowledgedByName: acknowledger })
    .from(contractRevisions)
    .where(and(eq(contractRevisions.contractId, contractId), scopes.contractRevisions(ctx.actor)))
    .orderBy(desc(contractRevisions.number));
  return {
    items: rows.map((row) => presentRevision(ctx.actor, row)),
  };
}
