import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { type MilestoneFilters, milestoneKeys } from './milestone.keys.ts';

export type MilestonePage = ApiData<'/api/milestones', 'get'>;

export const MILESTONE_PAGE_SIZE = 50;

/** Milestones by due date, a page at a time (keyset: pass the last page's nextCursor). */
export function listMilestones(
  filters: MilestoneFilters,
  cursor: string | undefined,
  limit: number,
  signal?: AbortSignal,
): Promise<MilestonePage> {
  return dataOf(
    api.GET('/api/milestones', {
      params: {
        query: {
          view: filters.view,
          status: filters.status,
          contractorId: filters.contractorId,
          contractId: filters.contractId,
          dueFrom: filters.dueFrom,
          dueTo: filters.dueTo,
          overdue: filters.overdue ? 'true' : undefined,
          limit,
          cursor,
        },
      },
      signal,
    }),
  );
}

export function useMilestones(filters: MilestoneFilters, limit = MILESTONE_PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...milestoneKeys.list(filters), limit],
    queryFn: ({ pageParam, signal }) => listMilestones(filters, pageParam, limit, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
