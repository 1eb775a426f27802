import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function endContract(id: string): Promise<Contract> {
  return postJson<Contract>(`/api/contracts/${encodeURIComponent(id)}/end`);
}

export function useEndContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
