import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SubmitInvoiceInput } from '../../../../shared/schemas/invoice.schema.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshInvoices } from './invoice.cache.ts';

/** Submits with an Idempotency-Key fixed for the form's attempt: a double click or a retry makes one invoice. */
export function useSubmitInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: SubmitInvoiceInput; key: string }) =>
      dataOf(api.POST('/api/invoices', { params: { header: { 'idempotency-key': key } }, body })),
    onSuccess: (invoice) => refreshInvoices(queryClient, invoice),
  });
}
