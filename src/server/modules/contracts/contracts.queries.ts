import { and, asc, desc, eq, getTableColumns, ilike, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ContractStatus } from '../../../shared/domain/contract.machine.ts';
import { sumByCurrency } from '../../../shared/domain/money.ts';
import type { contractListQuerySchema } from '../../../shared/schemas/contract.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { contractCreateAbilities } from '../../access/policies.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Db, Executor } from '../../db/client.ts';
import {
  contractDocuments,
  contractMilestoneTotals,
  contractRevisions,
  contractors,
  contracts,
  files,
  organizations,
  users,
} from '../../db/schema/index.ts';
import { preparedRead } from '../../db/prepared.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfterValues, keysetKey, keysetOrder, keysetValues, pageFrom } from '../../lib/pagination.ts';
import { presentFile } from '../files/files.service.ts';
import { presentContract, presentContractListItem, presentRevision, type Summary } from './contracts.presenter.ts';
import { containsPattern } from '../../lib/like.pattern.ts';

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

/** A contract's milestones of one status and currency: [status, currency, exact sum as text, count]. */
type MilestoneSum = (typeof contractMilestoneTotals.$inferSelect)['sums'][number];

/**
 * A contract's milestones by status and currency (counts and exact sums), as the database keeps
 * them in contract_milestone_totals (one row per contract with milestones; none: no milestones).
 * The row belongs to the contract, which the query reads through the actor's scope.
 */
const milestoneSums = sql<MilestoneSum[]>`coalesce(${contractMilestoneTotals.sums}, '[]'::json)`;

/** A contract's terms' revisions waiting for acknowledgement, read with the contract. */
function unacknowledgedOf(actor: Actor) {
  return sql<number>`(select count(*)::int from ${contractRevisions}
    where ${contractRevisions.contractId} = ${contracts.id} and ${scopes.contractRevisions(actor)} and ${contractRevisions.acknowledgedAt} is null)`;
}

/** Milestone money of a contract: what is left to deliver, approved but unpaid, and paid; per currency. */
function summaryFrom(sums: readonly MilestoneSum[]): Summary {
  const summary = emptySummary();
  for (const [status, currency, amount, count] of sums) {
    const money = { amountMinor: toSafeInteger(amount), currency };
    if (status === 'approved') summary.approvedUnpaid = sumByCurrency([...summary.approvedUnpaid, money]);
    else if (status === 'paid') summary.paid = sumByCurrency([...summary.paid, money]);
    else summary.leftToDeliver = sumByCurrency([...summary.leftToDeliver, money]);
    const key = status === 'changes_requested' ? 'changesRequested' : (status as keyof Summary['milestones']);
    summary.milestones[key] += count;
  }
  return summary;
}

/** Recently changed first; indexes (organization_id | contractor_id, updated_at, id). */
const contractKeyset: Keyset = { columns: [contracts.updatedAt, contracts.id], direction: 'desc' };

/** What a list reads of each contract: not the scope and IP clause (long texts that only its page shows). */
const { scopeHtml: _scope, ipClause: _ip, createdByUserId: _creator, ...listColumns } = getTableColumns(contracts);

/** One contract by id, or a page of the list: filters and cursor. */
type ContractRead = {
  id?: string;
  engagementId?: string;
  status?: ContractStatus;
  /** An ILIKE pattern on the title. */
  titleLike?: string;
  afterUpdatedAt?: string;
  afterId?: string;
  limit: number;
};

/** Contracts with their parties' names, milestone sums and revisions to acknowledge, in the actor's scope. */
function contractsQuery<C extends typeof listColumns>(db: Executor, actor: Actor, columns: C, v: ContractRead) {
  return db
    .select({
      contract: columns,
      organizationName: organizations.name,
      contractorName: contractors.name,
      milestoneSums,
      unacknowledged: unacknowledgedOf(actor),
      key: keysetKey(contractKeyset),
    })
    .from(contracts)
    .innerJoin(organizations, eq(organizations.id, contracts.organizationId))
    .innerJoin(contractors, eq(contractors.id, contracts.contractorId))
    .leftJoin(contractMilestoneTotals, eq(contractMilestoneTotals.contractId, contracts.id))
    .where(
      and(
        scopes.contracts(actor),
        v.id ? eq(contracts.id, v.id) : undefined,
        v.engagementId ? eq(contracts.engagementId, v.engagementId) : undefined,
        v.status ? eq(contracts.status, v.status) : undefined,
        v.titleLike ? ilike(contracts.title, v.titleLike) : undefined,
        v.afterUpdatedAt ? keysetAfterValues(contractKeyset, [v.afterUpdatedAt, v.afterId]) : undefined,
      ),
    )
    .orderBy(...keysetOrder(contractKeyset))
    .limit(v.limit);
}

/** The list's columns, and a whole contract: each one prepared statement per shape (src/server/db/prepared.ts). */
const selectContractList = preparedRead((db: Executor, actor: Actor, v: ContractRead) => contractsQuery(db, actor, listColumns, v));
const selectContract = preparedRead((db: Executor, actor: Actor, v: ContractRead) =>
  contractsQuery(db, actor, getTableColumns(contracts), v),
);

export async function listContracts(db: Db, ctx: RequestContext, query: z.infer<typeof contractListQuerySchema>) {
  const [afterUpdatedAt, afterId] = keysetValues(contractKeyset, query.cursor);
  const rows = await selectContractList(db, ctx.actor, {
    engagementId: query.engagementId,
    status: query.status,
    titleLike: query.q ? containsPattern(query.q) : undefined,
    afterUpdatedAt,
    afterId,
    limit: query.limit + 1,
  });
  const page = pageFrom(rows, query.limit, (r) => r.key);
  return {
    items: page.items.map((row) => presentContractListItem(ctx.actor, row, row.unacknowledged, summaryFrom(row.milestoneSums))),
    nextCursor: page.nextCursor,
    abilities: contractCreateAbilities(ctx.actor),
  };
}

export async function getContract(db: Executor, ctx: RequestContext, id: string) {
  const [row] = await selectContract(db, ctx.actor, { id, limit: 1 });
  if (!row) throw notFound('This contract');
  const documents = await db
    .select({ file: files })
    .from(contractDocuments)
    .innerJoin(files, eq(files.id, contractDocuments.fileId))
    .where(scoped(db, ctx.actor).childrenOf(contractDocuments, contractDocuments.contractId, id))
    .orderBy(asc(contractDocuments.createdAt));
  return {
    ...presentContract(ctx.actor, row, row.unacknowledged, summaryFrom(row.milestoneSums)),
    documents: documents.map((d) => presentFile(d.file)),
  };
}

/** A contract just created: no documents yet, so its one read is the row (its totals come with it). */
export async function getNewContract(db: Executor, ctx: RequestContext, id: string) {
  const [row] = await selectContract(db, ctx.actor, { id, limit: 1 });
  if (!row) throw notFound('This contract');
  return { ...presentContract(ctx.actor, row, row.unacknowledged, summaryFrom(row.milestoneSums)), documents: [] };
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
