export type DeliveryFilter = 'undelivered' | 'failed' | 'queued';

export const deliveryKeys = {
  all: ['deliveries'] as const,
  list: (status: DeliveryFilter) => ['deliveries', 'list', status] as const,
};
