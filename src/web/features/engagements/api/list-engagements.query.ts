import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { type EngagementFilters, engagementKeys } from './engagement.keys.ts';

export type EngagementPage = ApiData<'/api/engagements', 'get'>;

/** Staff: the organization's contractors. Contractor members: the organizations that engage them. Newest first, a page at a time. */
export function listEngagements(
  filters: EngagementFilters,
  cursor: string | undefined,
  limit: number,
  signal?: AbortSignal,
): Promise<EngagementPage> {
  return dataOf(api.GET('/api/engagements', { params: { query: { status: filters.status, q: filters.q, limit, cursor } }, signal }));
}

/** The list's query: also started by the company's contractors route while the router loads it (app/company.routes.tsx). */
export function engagementsQuery(filters: EngagementFilters, limit = PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: [...engagementKeys.list(filters), limit],
    queryFn: ({ pageParam, signal }) => listEngagements(filters, pageParam, limit, signal),
    ...keysetPaging,
  });
}

export function useEngagements(filters: EngagementFilters, limit = PAGE_SIZE) {
  return useInfiniteQuery({ ...engagementsQuery(filters, limit), select: joinPages, placeholderData: keepPreviousData });
}
