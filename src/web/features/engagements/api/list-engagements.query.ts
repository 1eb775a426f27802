import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Engagement } from '../../../../shared/schemas/organization.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { type EngagementFilters, engagementKeys } from './engagement.keys.ts';

/** Staff: the organization's contractors. Contractor members: the organizations that engage them. */
export function listEngagements(filters: EngagementFilters, signal?: AbortSignal): Promise<{ items: Engagement[] }> {
  return getJson<{ items: Engagement[] }>('/api/engagements', { status: filters.status, q: filters.q }, signal);
}

export function useEngagements(filters: EngagementFilters) {
  return useQuery({
    queryKey: engagementKeys.list(filters),
    queryFn: ({ signal }) => listEngagements(filters, signal),
    placeholderData: keepPreviousData,
  });
}
