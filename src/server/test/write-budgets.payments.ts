import { createId } from '../lib/ids.ts';
import { createDraft, createSentPayment, sendBody, uploadProofId } from './payments.fixtures.ts';
import type { Case } from './write-budgets.case.ts';
import { clientFor, type World } from './world.ts';

const paymentBody = (w: World) => ({ engagementId: w.engagementAX, amountMinor: 10_000, currency: 'EUR', description: 'Budgeted' });

/** The payments' write routes and their statement budgets (counted by write-budgets.test.ts). */
export const paymentBudgetCases: Case[] = [
  {
    route: 'POST /api/payments (with Idempotency-Key)',
    budget: 12,
    prepare: async (t, w) => () =>
      clientFor(t, w.aFinance).request('POST', '/api/payments', paymentBody(w), { headers: { 'idempotency-key': `k-${createId()}` } }),
  },
  {
    route: 'POST /api/payments/:id/send (with proof and Idempotency-Key)',
    budget: 16,
    prepare: async (t, w) => {
      const id = await createDraft(t, w);
      const proofFileId = await uploadProofId(t, w.aFinance, { engagementId: w.engagementAX });
      return () =>
        clientFor(t, w.aFinance).request('POST', `/api/payments/${id}/send`, sendBody(150_000, { proofFileId }), {
          headers: { 'idempotency-key': `k-${createId()}` },
        });
    },
  },
  {
    route: 'POST /api/payments/batches (3 drafts, one proof)',
    budget: 20,
    prepare: async (t, w) => {
      const ids = [await createDraft(t, w), await createDraft(t, w), await createDraft(t, w)];
      const proofFileId = await uploadProofId(t, w.aFinance);
      const items = ids.map((paymentId) => ({ paymentId, amountMinor: 150_000, reference: 'R' }));
      return () => clientFor(t, w.aFinance).post('/api/payments/batches', { method: 'wise', sentOn: '2026-12-01', proofFileId, items });
    },
  },
  {
    route: 'POST /api/payments/:id/cancel',
    budget: 12,
    prepare: async (t, w) => {
      const id = await createDraft(t, w);
      return () => clientFor(t, w.aFinance).post(`/api/payments/${id}/cancel`, { reason: 'Budgeted' });
    },
  },
  {
    route: 'POST /api/payments/:id/confirm-receipt',
    budget: 11,
    prepare: async (t, w) => {
      const id = await createSentPayment(t, w);
      return () => clientFor(t, w.xAdmin).post(`/api/payments/${id}/confirm-receipt`);
    },
  },
  {
    route: 'POST /api/payments/:id/dispute',
    budget: 12,
    prepare: async (t, w) => {
      const id = await createSentPayment(t, w);
      return () => clientFor(t, w.xAdmin).post(`/api/payments/${id}/dispute`, { body: 'Not here' });
    },
  },
];
