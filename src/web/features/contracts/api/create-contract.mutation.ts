import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract, CreateContractInput } from './contract.types.ts';

export function createContract(input: CreateContractInput): Promise<Contract> {
  return dataOf(api.POST('/api/contracts', { body: input }));
}

export function useCreateContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
