import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract, UpdateContractInput } from './contract.types.ts';

/** On an active contract, every change becomes a revision the contractor acknowledges. */
export function updateContract({ id, changes }: { id: string; changes: UpdateContractInput }): Promise<Contract> {
  return dataOf(api.PATCH('/api/contracts/{id}', { params: { path: { id } }, body: changes }));
}

export function useUpdateContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
