import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function terminateContract(id: string): Promise<Contract> {
  return postJson<Contract>(`/api/contracts/${encodeURIComponent(id)}/terminate`);
}

export function useTerminateContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: terminateContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
