import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function activateContract(id: string): Promise<Contract> {
  return dataOf(api.POST('/api/contracts/{id}/activate', { params: { path: { id } } }));
}

export function useActivateContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: activateContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
