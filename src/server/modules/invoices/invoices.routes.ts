import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, idSchema, pageOf } from '../../../shared/schemas/common.schema.ts';
import {
  approveInvoiceSchema,
  billableMilestoneSchema,
  billableMilestonesQuerySchema,
  contractorProfileInputSchema,
  contractorProfileSchema,
  invoiceDetailSchema,
  invoiceListQuerySchema,
  invoiceSchema,
  rejectInvoiceSchema,
  submitInvoiceSchema,
} from '../../../shared/schemas/invoice.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import type { Storage } from '../../lib/storage.ts';
import { getContractorProfile, getOwnProfile, updateOwnProfile } from './invoices.profile.ts';
import { getInvoice, listBillableMilestones, listInvoices } from './invoices.queries.ts';
import { approveInvoice, rejectInvoice, submitInvoice, withdrawInvoice } from './invoices.service.ts';

const tags = ['invoices'];

export function registerInvoiceRoutes(app: FastifyInstance, deps: { db: Db; storage: Storage }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };
  /** Submitting and approving create money: a retry with the same Idempotency-Key replays the first answer. */
  const moneyMoving = { auth: 'session' as const, idempotent: true };

  typed.get(
    '/api/invoices',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Invoices, newest first: to review (company) or sent (contractor); filters by status, contractor, organization, engagement',
        querystring: invoiceListQuerySchema,
        response: { 200: pageOf(invoiceSchema) },
      },
    },
    async (request) => listInvoices(deps.db, contextOf(request), request.query),
  );

  typed.get(
    '/api/invoices/billable-milestones',
    {
      config: session,
      schema: {
        tags,
        summary: 'Approved milestones of an engagement that are on no live invoice yet: what the contractor may invoice',
        querystring: billableMilestonesQuerySchema,
        response: { 200: pageOf(billableMilestoneSchema) },
      },
    },
    async (request) => listBillableMilestones(deps.db, contextOf(request), request.query),
  );

  typed.post(
    '/api/invoices',
    {
      config: moneyMoving,
      schema: {
        tags,
        summary:
          'Submit an invoice (contractor): lines, tax, totals (checked by the server), number, dates, and an uploaded PDF/image (fileId) or generate: true; correctsInvoiceId links a correction to a rejected invoice',
        body: submitInvoiceSchema,
        response: { 201: invoiceDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await submitInvoice(deps.db, deps.storage, contextOf(request), request.body)),
  );

  typed.get(
    '/api/invoices/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'One invoice with its lines, document, corrections and payments',
        params: idParamsSchema,
        response: { 200: invoiceDetailSchema },
      },
    },
    async (request) => getInvoice(deps.db, contextOf(request), request.params.id),
  );

  typed.post(
    '/api/invoices/:id/approve',
    {
      config: moneyMoving,
      schema: {
        tags,
        summary: 'Approve (owners, admins, finance): links the milestones’ draft payments and makes one draft payment for the rest',
        params: idParamsSchema,
        body: approveInvoiceSchema,
        response: { 200: invoiceDetailSchema },
      },
    },
    async (request) => approveInvoice(deps.db, contextOf(request), request.params.id, request.body.note ?? null),
  );

  typed.post(
    '/api/invoices/:id/reject',
    {
      config: session,
      schema: {
        tags,
        summary: 'Reject with a reason (owners, admins, finance); the contractor may submit a correction',
        params: idParamsSchema,
        body: rejectInvoiceSchema,
        response: { 200: invoiceDetailSchema },
      },
    },
    async (request) => rejectInvoice(deps.db, contextOf(request), request.params.id, request.body.reason),
  );

  typed.post(
    '/api/invoices/:id/withdraw',
    {
      config: session,
      schema: {
        tags,
        summary: 'Withdraw a submitted invoice before review (contractor)',
        params: idParamsSchema,
        body: z.object({}).strict().optional(),
        response: { 200: invoiceDetailSchema },
      },
    },
    async (request) => withdrawInvoice(deps.db, contextOf(request), request.params.id),
  );

  typed.get(
    '/api/contractor/profile',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'The contractor’s business details (printed on generated invoices); version 0 until saved',
        response: { 200: contractorProfileSchema },
      },
    },
    async (request) => getOwnProfile(deps.db, contextOf(request)),
  );

  typed.patch(
    '/api/contractor/profile',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: 'Save the business details (contractor admins; If-Match "0" the first time)',
        body: contractorProfileInputSchema,
        response: { 200: contractorProfileSchema },
      },
    },
    async (request) => updateOwnProfile(deps.db, contextOf(request), request.body, expectedVersionOf(request)),
  );

  typed.get(
    '/api/contractors/:id/profile',
    {
      config: session,
      schema: {
        tags,
        summary: 'A contractor’s business details, for the staff of an organization that engages it',
        params: z.object({ id: idSchema }).strict(),
        response: { 200: contractorProfileSchema },
      },
    },
    async (request) => getContractorProfile(deps.db, contextOf(request), request.params.id),
  );
}
