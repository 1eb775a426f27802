import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api.client.ts';
import { contractKeys } from './contract.keys.ts';
import type { Contract } from './contract.types.ts';

export function getContract(id: string, signal?: AbortSignal): Promise<Contract> {
  return getJson<Contract>(`/api/contracts/${encodeURIComponent(id)}`, undefined, signal);
}

export function useContract(id: string) {
  return useQuery({ queryKey: contractKeys.detail(id), queryFn: ({ signal }) => getContract(id, signal) });
}
