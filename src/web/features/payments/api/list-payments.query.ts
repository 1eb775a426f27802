import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { type PaymentFilters, paymentKeys } from './payment.keys.ts';
import type { PaymentPage, PaymentTotals } from './payment.types.ts';

/** Payments newest first, a page at a time (keyset: the last page's nextCursor). */
export function listPayments(filters: PaymentFilters, cursor: string | undefined, signal?: AbortSignal): Promise<PaymentPage> {
  return dataOf(api.GET('/api/payments', { params: { query: { ...filters, limit: PAGE_SIZE, cursor } }, signal }));
}

export function usePayments(filters: PaymentFilters) {
  return useInfiniteQuery({
    queryKey: paymentKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listPayments(filters, pageParam, signal),
    ...keysetPaging,
    placeholderData: keepPreviousData,
  });
}

/** Count and sum per status and currency, with the list's filters (not its status). */
export function getPaymentTotals(filters: Omit<PaymentFilters, 'status'>, signal?: AbortSignal): Promise<PaymentTotals> {
  return dataOf(api.GET('/api/payments/totals', { params: { query: filters }, signal }));
}

export function usePaymentTotals(filters: Omit<PaymentFilters, 'status'>) {
  return useQuery({
    queryKey: paymentKeys.totals(filters),
    queryFn: ({ signal }) => getPaymentTotals(filters, signal),
    placeholderData: keepPreviousData,
  });
}
