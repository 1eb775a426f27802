import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshInvoices } from './invoice.cache.ts';
import type { InvoiceDetail } from './invoice.types.ts';

/** A fresh key per press: a retry of the same press (network) replays; a new press is a new request. */
const idempotencyKey = () => globalThis.crypto.randomUUID();

/** The events of an invoice, each its own endpoint. */
export const invoiceEvents = {
  approve: ({ id, note }: { id: string; note?: string }) =>
    dataOf(
      api.POST('/api/invoices/{id}/approve', {
        params: { path: { id }, header: { 'idempotency-key': idempotencyKey() } },
        body: note ? { note } : {},
      }),
    ),
  reject: ({ id, reason }: { id: string; reason: string }) =>
    dataOf(api.POST('/api/invoices/{id}/reject', { params: { path: { id } }, body: { reason } })),
  withdraw: ({ id }: { id: string }) => dataOf(api.POST('/api/invoices/{id}/withdraw', { params: { path: { id } }, body: {} })),
};

export function useInvoiceEvent<A>(run: (args: A) => Promise<InvoiceDetail>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: (invoice) => refreshInvoices(queryClient, invoice) });
}
