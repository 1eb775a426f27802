import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { invoiceKeys } from './invoice.keys.ts';

/** The organizations the contractor may invoice: its engagements that have started (the first 200). */
export function useInvoiceableEngagements() {
  return useQuery({
    queryKey: invoiceKeys.engagements,
    queryFn: async ({ signal }) => {
      const page = await dataOf(api.GET('/api/engagements', { params: { query: { limit: 200 } }, signal }));
      return page.items.filter((e) => e.status !== 'invited');
    },
  });
}
