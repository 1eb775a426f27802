import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { type ContractFilters, contractKeys } from './contract.keys.ts';

export type ContractList = ApiData<'/api/contracts', 'get'>;

/** Staff: the organization's contracts. Contractor members: theirs, across every organization. Recently changed first, a page at a time. */
export function listContracts(
  filters: ContractFilters,
  cursor: string | undefined,
  limit: number,
  signal?: AbortSignal,
): Promise<ContractList> {
  return dataOf(
    api.GET('/api/contracts', {
      params: { query: { status: filters.status, q: filters.q, engagementId: filters.engagementId, limit, cursor } },
      signal,
    }),
  );
}

export function useContracts(filters: ContractFilters, limit = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: [...contractKeys.list(filters), limit],
    queryFn: ({ pageParam, signal }) => listContracts(filters, pageParam, limit, signal),
    ...keysetPaging,
    select: joinPages,
    placeholderData: keepPreviousData,
  });
}
