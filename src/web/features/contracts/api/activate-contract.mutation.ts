import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function activateContract(id: string): Promise<Contract> {
  return postJson<Contract>(`/api/contracts/${encodeURIComponent(id)}/activate`);
}

export function useActivateContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: activateContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
