import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/schemas/common.schema.ts';
import {
  adjustPaymentSchema,
  cancelPaymentSchema,
  createPaymentSchema,
  fourEyesInputSchema,
  fourEyesSchema,
  paymentBatchResultSchema,
  paymentDetailSchema,
  paymentListQuerySchema,
  paymentNoteInputSchema,
  paymentSchema,
  paymentTotalsQuerySchema,
  paymentTotalsSchema,
  sendBatchSchema,
  sendPaymentSchema,
} from '../../../shared/schemas/payment.schema.ts';
import type { Db } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { expectedVersionOf } from '../../http/versions.plugin.ts';
import { batchCsv } from './payments.csv.ts';
import { addPaymentNote, confirmReceipt, disputePayment, resolvePayment } from './payments.disputes.ts';
import { adjustPayment, approvePayment, cancelPayment, createPayment } from './payments.drafts.ts';
import { getFourEyes, updateFourEyes } from './payments.four-eyes.ts';
import { getPayment, listPayments, paymentTotals } from './payments.queries.ts';
import { sendBatch, sendPayment } from './payments.send.ts';

const tags = ['payments'];

export function registerPaymentRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const session = { auth: 'session' as const };
  /** Money-moving routes take an Idempotency-Key (src/server/http/idempotency.plugin.ts). */
  const moneyMoving = { auth: 'session' as const, idempotent: true };
  const { db } = deps;

  typed.get(
    '/api/payments',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Payments newest first: Pay contractors (staff) or the contractor’s payments; filters: status, contractor, currency, dates',
        querystring: paymentListQuerySchema,
        response: { 200: z.object({ items: z.array(paymentSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (request) => listPayments(db, contextOf(request), request.query),
  );

  typed.get(
    '/api/payments/totals',
    {
      config: session,
      schema: {
        tags,
        summary: 'Count and sum per status and currency (never across currencies), with the same filters as the list',
        querystring: paymentTotalsQuerySchema,
        response: { 200: paymentTotalsSchema },
      },
    },
    async (request) => paymentTotals(db, contextOf(request), request.query),
  );

  typed.post(
    '/api/payments',
    {
      config: moneyMoving,
      schema: {
        tags,
        summary: 'A draft payment entered by hand (finance, admins, owners)',
        body: createPaymentSchema,
        response: { 201: paymentDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPayment(db, contextOf(request), request.body)),
  );

  typed.post(
    '/api/payments/batches',
    {
      config: moneyMoving,
      schema: {
        tags,
        summary: 'Send many drafts as one batch, in one transaction (all or none)',
        body: sendBatchSchema,
        response: { 201: paymentBatchResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await sendBatch(db, contextOf(request), request.body)),
  );

  typed.get(
    '/api/payments/batches/:id/csv',
    {
      config: session,
      schema: {
        tags,
        summary: 'A sent batch as CSV (payee, amount, currency, reference) for a bank’s bulk upload',
        params: idParamsSchema,
      },
    },
    async (request, reply) => {
      const { name, csv } = await batchCsv(db, contextOf(request), request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(csv);
    },
  );

  typed.get(
    '/api/payments/four-eyes',
    {
      config: { ...session, versioned: 'read' },
      schema: { tags, summary: 'The organization’s four-eyes rule for payments', response: { 200: fourEyesSchema } },
    },
    async (request) => getFourEyes(db, contextOf(request)),
  );

  typed.put(
    '/api/payments/four-eyes',
    {
      config: { ...session, versioned: 'edit' },
      schema: {
        tags,
        summary: 'Set the four-eyes rule: on or off, and the threshold per currency (owners, admins)',
        body: fourEyesInputSchema,
        response: { 200: fourEyesSchema },
      },
    },
    async (request) => updateFourEyes(db, contextOf(request), request.body, expectedVersionOf(request)),
  );

  typed.get(
    '/api/payments/:id',
    {
      config: { ...session, versioned: 'read' },
      schema: {
        tags,
        summary: 'One payment: amount, method, reference, proof, dates, the dispute’s notes, its adjustments',
        params: idParamsSchema,
        response: { 200: paymentDetailSchema },
      },
    },
    async (request) => getPayment(db, contextOf(request), request.params.id),
  );

  const empty = z.object({}).strict();
  const eventSchema = <B extends z.ZodType>(summary: string, body: B) => ({
    tags,
    summary,
    params: idParamsSchema,
    body,
    response: { 200: paymentDetailSchema },
  });

  typed.post(
    '/api/payments/:id/approve',
    { config: session, schema: eventSchema('Four-eyes: the second approval of a draft (not by its creator)', empty) },
    async (request) => approvePayment(db, contextOf(request), request.params.id),
  );
  typed.post(
    '/api/payments/:id/send',
    {
      config: moneyMoving,
      schema: eventSchema('Send a draft: the amount as recorded, method, reference, proof, sent date, expected arrival', sendPaymentSchema),
    },
    async (request) => sendPayment(db, contextOf(request), request.params.id, request.body),
  );
  typed.post(
    '/api/payments/:id/cancel',
    { config: session, schema: eventSchema('Cancel a draft, with the reason', cancelPaymentSchema) },
    async (request) => cancelPayment(db, contextOf(request), request.params.id, request.body.reason),
  );
  typed.post(
    '/api/payments/:id/confirm-receipt',
    { config: session, schema: eventSchema('The contractor confirms the payment arrived', empty) },
    async (request) => confirmReceipt(db, contextOf(request), request.params.id),
  );
  typed.post(
    '/api/payments/:id/dispute',
    { config: session, schema: eventSchema('The contractor disputes a sent payment, with a note', paymentNoteInputSchema) },
    async (request) => disputePayment(db, contextOf(request), request.params.id, request.body),
  );
  typed.post(
    '/api/payments/:id/notes',
    { config: session, schema: eventSchema('A note on a disputed payment (either side), with an optional file', paymentNoteInputSchema) },
    async (request) => addPaymentNote(db, contextOf(request), request.params.id, request.body),
  );
  typed.post(
    '/api/payments/:id/resolve-as-sent',
    {
      config: session,
      schema: eventSchema('Resolve a dispute: the payment stands as sent (staff), with a note and more proof', paymentNoteInputSchema),
    },
    async (request) => resolvePayment(db, contextOf(request), request.params.id, 'sent', request.body),
  );
  typed.post(
    '/api/payments/:id/resolve-as-received',
    { config: session, schema: eventSchema('Resolve a dispute as received, with a note', paymentNoteInputSchema) },
    async (request) => resolvePayment(db, contextOf(request), request.params.id, 'received', request.body),
  );

  typed.post(
    '/api/payments/:id/adjustments',
    {
      config: moneyMoving,
      schema: {
        tags,
        summary: 'Correct a sent payment: a new draft linked to it, in its currency',
        params: idParamsSchema,
        body: adjustPaymentSchema,
        response: { 201: paymentDetailSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await adjustPayment(db, contextOf(request), request.params.id, request.body)),
  );
}
