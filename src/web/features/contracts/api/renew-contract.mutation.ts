import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract, RenewContractInput } from './contract.types.ts';

/** A renewal is a revision that extends the term to a later end date. */
export function renewContract({ id, input }: { id: string; input: RenewContractInput }): Promise<Contract> {
  return dataOf(api.POST('/api/contracts/{id}/renew', { params: { path: { id } }, body: input }));
}

export function useRenewContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: renewContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}
