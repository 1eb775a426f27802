import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { type ContractFilters, contractKeys } from './contract.keys.ts';

export type ContractList = ApiData<'/api/contracts', 'get'>;

/** Staff: the organization's contracts. Contractor members: theirs, across every organization. */
export function listContracts(filters: ContractFilters, signal?: AbortSignal): Promise<ContractList> {
  return dataOf(api.GET('/api/contracts', { params: { query: { status: filters.status, q: filters.q, engagementId: filters.engagementId } }, signal }));
}

export function useContracts(filters: ContractFilters) {
  return useQuery({
    queryKey: contractKeys.list(filters),
    queryFn: ({ signal }) => listContracts(filters, signal),
    placeholderData: keepPreviousData,
  });
}
