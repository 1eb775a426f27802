import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { type DeliveryFilter, deliveryKeys } from './deliveries.keys.ts';

export type DeliveryPage = ApiData<'/api/organizations/current/emails', 'get'>;
export type EmailDelivery = DeliveryPage['items'][number];

export function listDeliveries(status: DeliveryFilter, signal?: AbortSignal): Promise<DeliveryPage> {
  return dataOf(api.GET('/api/organizations/current/emails', { params: { query: { status, limit: 100 } }, signal }));
}

/** Emails that failed or still wait; refreshed while some wait, so a retry that succeeds shows. */
export function useDeliveries(status: DeliveryFilter) {
  return useQuery({
    queryKey: deliveryKeys.list(status),
    queryFn: ({ signal }) => listDeliveries(status, signal),
    refetchInterval: (query) => ((query.state.data?.counts.queued ?? 0) > 0 ? 15_000 : false),
  });
}
