import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { invoiceKeys } from './invoice.keys.ts';
import type { InvoiceDetail } from './invoice.types.ts';

export function getInvoice(id: string, signal?: AbortSignal): Promise<InvoiceDetail> {
  return dataOf(api.GET('/api/invoices/{id}', { params: { path: { id } }, signal }));
}

/** One invoice with its lines, document, corrections, payments and what the viewer may do (`abilities`). */
export function useInvoice(id: string | undefined) {
  return useQuery({
    queryKey: invoiceKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getInvoice(id!, signal),
    enabled: Boolean(id),
  });
}
