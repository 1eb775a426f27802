import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api.client.ts';
import { type ContractFilters, contractKeys } from './contract.keys.ts';
import type { ContractListItem } from './contract.types.ts';

export interface ContractList {
  items: ContractListItem[];
  abilities: { create: boolean };
}

/** Staff: the organization's contracts. Contractor members: theirs, across every organization. */
export function listContracts(filters: ContractFilters, signal?: AbortSignal): Promise<ContractList> {
  return getJson<ContractList>('/api/contracts', { status: filters.status, q: filters.q, engagementId: filters.engagementId }, signal);
}

export function useContracts(filters: ContractFilters) {
  return useQuery({
    queryKey: contractKeys.list(filters),
    queryFn: ({ signal }) => listContracts(filters, signal),
    placeholderData: keepPreviousData,
  });
}
