import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function endContract(id: string): Promise<Contract> {
  return dataOf(api.POST('/api/contracts/{id}/end', { params: { path: { id } } }));
}

export function useEndContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: endContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
