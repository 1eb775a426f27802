import type { Readable } from 'node:stream';
import { PDF_MAX_ROWS, type PaymentHistoryQuery, type StatementQuery } from '../../../shared/schemas/statement.schema.ts';
import type { RequestContext } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { attachmentName, csvStream } from '../../lib/csv.export.ts';
import { badField, notFound } from '../../lib/errors.ts';
import type { PdfDoc } from '../../lib/pdf.document.ts';
import { readBalances } from './money.balances.ts';
import { historyCsvColumns, historyPdf, statementCsvColumns, statementPdf } from './money.documents.ts';
import { countHistory, type HistoryFilter, type HistoryRow, streamHistory } from './money.history.ts';
import { readContractorDetails, readParties } from './money.parties.ts';
import { readStatement } from './money.statement.ts';

export interface Download {
  name: string;
  body: Readable | PdfDoc;
}

export async function getBalances(db: Db, ctx: RequestContext, query: { contractorId?: string | undefined }) {
  return { items: await readBalances(db, ctx.actor, query) };
}

export async function getStatement(db: Db, ctx: RequestContext, query: StatementQuery) {
  const parties = await readParties(db, ctx.actor, query);
  return readStatement(db, parties, query.from, query.to);
}

function statementName(contractor: string, organization: string, from: string, to: string, extension: 'csv' | 'pdf'): string {
  return attachmentName(`statement-${contractor}-${organization}-${from}-${to}`, extension);
}

export async function exportStatementCsv(db: Db, ctx: RequestContext, query: StatementQuery): Promise<Download> {
  const statement = await getStatement(db, ctx, query);
  async function* lines() {
    yield* statement.lines;
  }
  return {
    name: statementName(statement.contractor.name, statement.organization.name, query.from, query.to, 'csv'),
    body: csvStream(statementCsvColumns, lines()),
  };
}

export async function exportStatementPdf(db: Db, ctx: RequestContext, query: StatementQuery): Promise<Download> {
  const parties = await readParties(db, ctx.actor, query);
  const statement = await readStatement(db, parties, query.from, query.to);
  if (statement.lines.length > PDF_MAX_ROWS)
    throw badField('to', `A PDF holds at most ${PDF_MAX_ROWS} entries; choose a shorter period or download the CSV.`);
  const details = await readContractorDetails(db, parties.contractorId);
  return {
    name: statementName(parties.contractorName, parties.organizationName, query.from, query.to, 'pdf'),
    body: await statementPdf(statement, details),
  };
}

/**
 * The history filter for the actor: a contractor may narrow to one organization, staff to one
 * contractor; a named party the actor has no engagement with is 404 (not an empty file).
 */
async function historyFilterOf(db: Db, ctx: RequestContext, query: PaymentHistoryQuery): Promise<HistoryFilter> {
  const { actor } = ctx;
  if (actor.kind !== 'staff' && actor.kind !== 'contractor') throw notFound('Payment history');
  const named = actor.kind === 'staff' ? query.contractorId : query.organizationId;
  if (named) await readParties(db, actor, query);
  return actor.kind === 'staff'
    ? { contractorId: query.contractorId, from: query.from, to: query.to }
    : { organizationId: query.organizationId, from: query.from, to: query.to };
}

function historyName(query: PaymentHistoryQuery, extension: 'csv' | 'pdf'): string {
  return attachmentName(`payments-${query.from ?? 'start'}-${query.to ?? 'today'}`, extension);
}

export async function exportHistoryCsv(db: Db, ctx: RequestContext, query: PaymentHistoryQuery): Promise<Download> {
  const filter = await historyFilterOf(db, ctx, query);
  return { name: historyName(query, 'csv'), body: csvStream(historyCsvColumns, streamHistory(db, ctx.actor, filter)) };
}

export async function exportHistoryPdf(db: Db, ctx: RequestContext, query: PaymentHistoryQuery): Promise<Download> {
  const filter = await historyFilterOf(db, ctx, query);
  if ((await countHistory(db, ctx.actor, filter)) > PDF_MAX_ROWS)
    throw badField('from', `A PDF holds at most ${PDF_MAX_ROWS} payments; choose a shorter period or download the CSV.`);
  const rows: HistoryRow[] = [];
  for await (const row of streamHistory(db, ctx.actor, filter)) rows.push(row);
  const subtitle = `${query.from ?? 'From the first payment'} to ${query.to ?? 'today'}`;
  return { name: historyName(query, 'pdf'), body: await historyPdf('Payment history', subtitle, rows) };
}
