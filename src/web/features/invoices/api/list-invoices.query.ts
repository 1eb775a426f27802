import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { type InvoiceFilters, invoiceKeys } from './invoice.keys.ts';
import type { InvoicePage } from './invoice.types.ts';

/** Invoices newest first, a page at a time (keyset: the last page's nextCursor). */
export function listInvoices(filters: InvoiceFilters, cursor: string | undefined, signal?: AbortSignal): Promise<InvoicePage> {
  return dataOf(api.GET('/api/invoices', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } }, signal }));
}

export function useInvoices(filters: InvoiceFilters) {
  return useInfiniteQuery({
    queryKey: invoiceKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listInvoices(filters, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
    placeholderData: keepPreviousData,
  });
}
