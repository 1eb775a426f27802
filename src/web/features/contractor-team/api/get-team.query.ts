import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export type ContractorTeam = ApiData<'/api/contractor/team', 'get'>;

export const teamQueryKey = queryRoots.contractorTeam;

export function getTeam(signal?: AbortSignal): Promise<ContractorTeam> {
  return dataOf(api.GET('/api/contractor/team', { signal }));
}

export function useContractorTeam() {
  return useQuery({ queryKey: teamQueryKey, queryFn: ({ signal }) => getTeam(signal) });
}
