import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Engagement } from './engagement.types.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { type EngagementFilters, engagementKeys } from './engagement.keys.ts';

/** Staff: the organization's contractors. Contractor members: the organizations that engage them. */
export function listEngagements(filters: EngagementFilters, signal?: AbortSignal): Promise<{ items: Engagement[] }> {
  return dataOf(api.GET('/api/engagements', { params: { query: { status: filters.status, q: filters.q } }, signal }));
}

export function useEngagements(filters: EngagementFilters) {
  return useQuery({
    queryKey: engagementKeys.list(filters),
    queryFn: ({ signal }) => listEngagements(filters, signal),
    placeholderData: keepPreviousData,
  });
}
