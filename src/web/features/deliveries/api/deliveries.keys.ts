import { queryRoots } from '../../../lib/query.roots.ts';

export type DeliveryFilter = 'undelivered' | 'failed' | 'queued';

export const deliveryKeys = {
  all: queryRoots.deliveries,
  list: (status: DeliveryFilter) => [...queryRoots.deliveries, 'list', status] as const,
};
