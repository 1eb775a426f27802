import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function terminateContract(id: string): Promise<Contract> {
  return dataOf(api.POST('/api/contracts/{id}/terminate', { params: { path: { id } } }));
}

export function useTerminateContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: terminateContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
