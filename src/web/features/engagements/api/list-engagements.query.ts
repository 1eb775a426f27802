import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { Engagement } from '../../../../shared/schemas/organization.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE, type Paged } from '../../../lib/paging.ts';
import { type EngagementFilters, engagementKeys } from './engagement.keys.ts';

/** Staff: the organization's contractors. Contractor members: the organizations that engage them. Newest first, a page at a time. */
export function listEngagements(filters: EngagementFilters, cursor: string | undefined, limit: number, signal?: AbortSignal): Promise<Paged<Engagement>> {
  return getJson<Paged<Engagement>>('/api/engagements', { status: filters.status, q: filters.q, limit, cursor }, signal);
}

export function useEngagements(filters: EngagementFilters, limit = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...engagementKeys.list(filters), limit],
    queryFn: ({ pageParam, signal }) => listEngagements(filters, pageParam, limit, signal),
    ...keysetPaging,
    select: joinPages,
    placeholderData: keepPreviousData,
  });
}
