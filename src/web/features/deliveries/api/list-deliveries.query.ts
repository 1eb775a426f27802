import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { type DeliveryFilter, deliveryKeys } from './deliveries.keys.ts';

export type DeliveryPage = ApiData<'/api/organizations/current/emails', 'get'>;
export type EmailDelivery = DeliveryPage['items'][number];

export function listDeliveries(status: DeliveryFilter, cursor: string | undefined, signal?: AbortSignal): Promise<DeliveryPage> {
  return dataOf(api.GET('/api/organizations/current/emails', { params: { query: { status, limit: PAGE_SIZE, cursor } }, signal }));
}

/** Emails that failed or still wait, a page at a time; refreshed while some wait, so a retry that succeeds shows. */
export function useDeliveries(status: DeliveryFilter) {
  return useInfiniteQuery({
    queryKey: deliveryKeys.list(status),
    queryFn: ({ pageParam, signal }) => listDeliveries(status, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
    refetchInterval: (query) => ((query.state.data?.pages[0]?.counts.queued ?? 0) > 0 ? 15_000 : false),
  });
}
