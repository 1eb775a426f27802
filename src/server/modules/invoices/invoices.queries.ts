import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { liveInvoiceStatuses } from '../../../shared/domain/invoice.machine.ts';
import type { billableMilestonesQuerySchema, invoiceListQuerySchema } from '../../../shared/schemas/invoice.schema.ts';
import type { Actor, RequestContext } from '../../access/actor.ts';
import { scoped } from '../../access/scoped.ts';
import { scopes } from '../../access/scopes.ts';
import type { Executor } from '../../db/client.ts';
import {
  contractors,
  contracts,
  files,
  invoiceLines,
  invoices,
  milestones,
  organizations,
  payments,
  users,
} from '../../db/schema/index.ts';
import { readTogether } from '../../db/transaction.ts';
import { notFound } from '../../lib/errors.ts';
import { type Keyset, keysetAfter, keysetKey, keysetOrder, pageFrom } from '../../lib/pagination.ts';
import { presentFile } from '../files/files.service.ts';
import { listInvoicePayments } from '../payments/payments.invoices.ts';
import { presentInvoice } from './invoices.presenter.ts';

const liveList = sql.raw(liveInvoiceStatuses.map((s) => `'${s}'`).join(', '));
/** The live correction of an invoice (one at most: invoices_correction_uq). */
const correctedBy = sql<string | null>`(select correction.id from invoices correction
  where correction.corrects_invoice_id = ${invoices.id} and correction.status in (${liveList}))`;

/** Newest first; the list indexes are (scope column, [status,] created_at, id). */
const invoiceKeyset: Keyset = { columns: [invoices.createdAt, invoices.id], direction: 'desc' };

async function readInvoices(db: Executor, actor: Actor, where: SQL | undefined, limit: number, withKey: boolean) {
  const rows = await db
    .select({
      invoice: invoices,
      organizationName: organizations.name,
      contractorName: contractors.name,
      correctedByInvoiceId: correctedBy,
      key: withKey ? keysetKey(invoiceKeyset) : {},
    })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .innerJoin(contractors, eq(contractors.id, invoices.contractorId))
    .where(and(scopes.invoices(actor), where))
    .orderBy(...keysetOrder(invoiceKeyset))
    .limit(limit);
  return rows;
}

/** Invoices to review (the company) or sent (the contractor), newest first, filtered by status, contractor, organization, engagement. */
export async function listInvoices(db: Executor, ctx: RequestContext, query: z.infer<typeof invoiceListQuerySchema>) {
  const where = and(
    query.status ? eq(invoices.status, query.status) : undefined,
    query.contractorId ? eq(invoices.contractorId, query.contractorId) : undefined,
    query.organizationId ? eq(invoices.organizationId, query.organizationId) : undefined,
    query.engagementId ? eq(invoices.engagementId, query.engagementId) : undefined,
    query.jobId ? eq(invoices.jobId, query.jobId) : undefined,
    keysetAfter(invoiceKeyset, query.cursor),
  );
  const rows = await readInvoices(db, ctx.actor, where, query.limit + 1, true);
  const page = pageFrom(rows, query.limit, (r) => r.key);
  return { items: page.items.map((r) => presentInvoice(ctx.actor, r)), nextCursor: page.nextCursor };
}

const userName = (column: AnyPgColumn) => sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${column})`;

/** One invoice with its lines, document, people, correction links and the payments that settle it. */
export async function getInvoice(db: Executor, ctx: RequestContext, id: string) {
  const [row] = await readInvoices(db, ctx.actor, eq(invoices.id, id), 1, false);
  if (!row) throw notFound('This invoice');
  const i = row.invoice;
  const [lines, [file], [names], [corrects], paying] = await readTogether(
    db,
    () =>
      db
        .select({ line: invoiceLines, milestoneTitle: milestones.title, milestoneStatus: milestones.status })
        .from(invoiceLines)
        .leftJoin(milestones, eq(milestones.id, invoiceLines.milestoneId))
        .where(scoped(db, ctx.actor).childrenOf(invoiceLines, invoiceLines.invoiceId, id))
        .orderBy(asc(invoiceLines.position)),
    () =>
      db
        .select()
        .from(files)
        .where(and(eq(files.id, i.fileId), scopes.files(ctx.actor))),
    () =>
      db
        .select({
          submitted: userName(invoices.submittedByUserId),
          approved: userName(invoices.approvedByUserId),
          rejected: userName(invoices.rejectedByUserId),
        })
        .from(invoices)
        .where(eq(invoices.id, id)),
    () =>
      i.correctsInvoiceId
        ? db
            .select({ number: invoices.number })
            .from(invoices)
            .where(and(eq(invoices.id, i.correctsInvoiceId), scopes.invoices(ctx.actor)))
        : Promise.resolve([]),
    () => listInvoicePayments(db, id),
  );
  if (!file) throw notFound('This invoice');
  return {
    ...presentInvoice(ctx.actor, row),
    note: i.note,
    lines: lines.map(({ line, milestoneTitle, milestoneStatus }) => ({
      id: line.id,
      position: line.position,
      description: line.description,
      quantityMilli: line.quantityMilli,
      unitAmountMinor: line.unitAmountMinor,
      amountMinor: line.amountMinor,
      milestone:
        line.milestoneId && milestoneTitle && milestoneStatus
          ? { id: line.milestoneId, title: milestoneTitle, status: milestoneStatus }
          : null,
    })),
    file: presentFile(file),
    submittedByName: names?.submitted ?? null,
    approvedByName: names?.approved ?? null,
    rejectedByName: names?.rejected ?? null,
    correctedByInvoiceId: row.correctedByInvoiceId,
    correctsInvoiceNumber: corrects?.number ?? null,
    payments: paying,
  };
}

/** The approved (or paid) milestones of an engagement that are on no live invoice: what the contractor may invoice. */
export async function listBillableMilestones(db: Executor, ctx: RequestContext, query: z.infer<typeof billableMilestonesQuerySchema>) {
  await scoped(db, ctx.actor).engagements.get(query.engagementId, 'This engagement');
  const keyset: Keyset = { columns: [milestones.dueDate, milestones.id], direction: 'asc' };
  const rows = await db
    .select({ milestone: milestones, contractTitle: contracts.title, key: keysetKey(keyset) })
    .from(milestones)
    .innerJoin(contracts, eq(contracts.id, milestones.contractId))
    .where(
      and(
        scopes.milestones(ctx.actor),
        eq(contracts.engagementId, query.engagementId),
        sql`${milestones.status} in ('approved', 'paid')`,
        sql`not exists (select 1 from ${invoiceLines} where ${invoiceLines.milestoneId} = ${milestones.id} and ${invoiceLines.live})`,
        sql`not exists (select 1 from ${payments} where ${payments.milestoneId} = ${milestones.id} and ${payments.status} = 'cancelled')`,
        keysetAfter(keyset, query.cursor),
      ),
    )
    .orderBy(...keysetOrder(keyset))
    .limit(query.limit + 1);
  const page = pageFrom(rows, query.limit, (r) => r.key);
  return {
    items: page.items.map(({ milestone: m, contractTitle }) => ({
      id: m.id,
      title: m.title,
      amountMinor: m.amountMinor,
      currency: m.currency,
      status: m.status,
      approvedAt: m.approvedAt?.toISOString() ?? null,
      contractTitle,
    })),
    nextCursor: page.nextCursor,
  };
}
