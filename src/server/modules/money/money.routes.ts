import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idSchema } from '../../../shared/schemas/common.schema.ts';
import {
  balancesSchema,
  paymentHistoryQuerySchema,
  statementQuerySchema,
  statementSchema,
} from '../../../shared/schemas/statement.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import {
  type Download,
  exportHistoryCsv,
  exportHistoryPdf,
  exportStatementCsv,
  exportStatementPdf,
  getBalances,
  getStatement,
} from './money.service.ts';

const tags = ['money'];
const fileResponse = { 200: z.string().describe('The file (CSV: UTF-8 with a BOM; PDF)') };

function sendDownload(reply: FastifyReply, download: Download, type: 'text/csv; charset=utf-8' | 'application/pdf') {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${download.name}"`)
    .header('x-content-type-options', 'nosniff')
    .send(download.body);
}

export function registerMoneyRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/money/balances',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Approved and not paid yet, per organization, contractor and currency (the side I act for)',
        querystring: z.object({ contractorId: idSchema.optional() }).strict(),
        response: { 200: balancesSchema },
      },
    },
    async (request) => getBalances(deps.db, contextOf(request), request.query),
  );
  r.get(
    '/api/money/statement',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: "A contractor's statement with one organization over a period: opening, approvals, payments, closing, per currency",
        querystring: statementQuerySchema,
        response: { 200: statementSchema },
      },
    },
    async (request) => getStatement(deps.db, contextOf(request), request.query),
  );
  r.get(
    '/api/money/statement.csv',
    {
      config: { auth: 'session' },
      schema: { tags, summary: 'The statement as CSV', querystring: statementQuerySchema, response: fileResponse },
    },
    async (request, reply) =>
      sendDownload(reply, await exportStatementCsv(deps.db, contextOf(request), request.query), 'text/csv; charset=utf-8'),
  );
  r.get(
    '/api/money/statement.pdf',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'The statement as a PDF (both parties, totals, page numbers)',
        querystring: statementQuerySchema,
        response: fileResponse,
      },
    },
    async (request, reply) => sendDownload(reply, await exportStatementPdf(deps.db, contextOf(request), request.query), 'application/pdf'),
  );
  r.get(
    '/api/money/payments.csv',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Payment history as CSV, streamed (staff: one contractor or all; a contractor: one organization or all)',
        querystring: paymentHistoryQuerySchema,
        response: fileResponse,
      },
    },
    async (request, reply) =>
      sendDownload(reply, await exportHistoryCsv(deps.db, contextOf(request), request.query), 'text/csv; charset=utf-8'),
  );
  r.get(
    '/api/money/payments.pdf',
    {
      config: { auth: 'session' },
      schema: { tags, summary: 'Payment history as a PDF', querystring: paymentHistoryQuerySchema, response: fileResponse },
    },
    async (request, reply) => sendDownload(reply, await exportHistoryPdf(deps.db, contextOf(request), request.query), 'application/pdf'),
  );
}
