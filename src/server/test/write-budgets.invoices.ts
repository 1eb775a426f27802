import { invoiceBody, submitFreeInvoice, uploadInvoiceFile } from './invoicing.ts';
import type { Case } from './write-budgets.case.ts';
import { clientFor, readEtag } from './world.ts';

/** The invoices' write routes and their statement budgets (counted by write-budgets.test.ts). */
export const invoiceBudgetCases: Case[] = [
  {
    route: 'POST /api/invoices (uploaded document)',
    budget: 16,
    prepare: async (t, w) => {
      const fileId = await uploadInvoiceFile(t, w);
      const body = invoiceBody(w, [{ description: 'Budgeted hours', quantityMilli: 1500, unitAmountMinor: 10_000 }], { fileId });
      return () => clientFor(t, w.xAdmin).post('/api/invoices', body);
    },
  },
  {
    route: 'POST /api/invoices/:id/approve',
    budget: 18,
    prepare: async (t, w) => {
      const { id } = await submitFreeInvoice(t, w);
      return () => clientFor(t, w.aFinance).post(`/api/invoices/${id}/approve`, {});
    },
  },
  {
    route: 'POST /api/invoices/:id/reject',
    budget: 14,
    prepare: async (t, w) => {
      const { id } = await submitFreeInvoice(t, w);
      return () => clientFor(t, w.aFinance).post(`/api/invoices/${id}/reject`, { reason: 'Wrong rate' });
    },
  },
  {
    route: 'POST /api/invoices/:id/withdraw',
    budget: 14,
    prepare: async (t, w) => {
      const { id } = await submitFreeInvoice(t, w);
      return () => clientFor(t, w.xAdmin).post(`/api/invoices/${id}/withdraw`, {});
    },
  },
  {
    route: 'PATCH /api/contractor/profile',
    budget: 8,
    prepare: async (t, w) => {
      const client = clientFor(t, w.xAdmin);
      const etag = await readEtag(client, '/api/contractor/profile');
      return () =>
        client.request(
          'PATCH',
          '/api/contractor/profile',
          { legalName: 'Budget Ltd', address: '1 Road' },
          { headers: { 'if-match': etag } },
        );
    },
  },
];
