import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { invoiceKeys } from './invoice.keys.ts';

/** The approved milestones of an engagement on no live invoice yet (the first 200: an invoice has at most 100 lines). */
export function useBillableMilestones(engagementId: string | null) {
  return useQuery({
    queryKey: invoiceKeys.billable(engagementId ?? ''),
    queryFn: ({ signal }) =>
      dataOf(api.GET('/api/invoices/billable-milestones', { params: { query: { engagementId: engagementId!, limit: 200 } }, signal })),
    enabled: Boolean(engagementId),
  });
}
