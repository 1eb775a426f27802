import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { contractKeys } from './contract.keys.ts';
import type { Contract } from './contract.types.ts';

export function getContract(id: string, signal?: AbortSignal): Promise<Contract> {
  return dataOf(api.GET('/api/contracts/{id}', { params: { path: { id } }, signal }));
}

export function useContract(id: string) {
  return useQuery({ queryKey: contractKeys.detail(id), queryFn: ({ signal }) => getContract(id, signal) });
}
