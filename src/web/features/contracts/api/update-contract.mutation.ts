import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import { etagOf } from '../../../../shared/domain/version.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import { contractKeys } from './contract.keys.ts';
import { getContract } from './get-contract.query.ts';
import type { Contract, UpdateContractInput } from './contract.types.ts';

/**
 * On an active contract, every change becomes a revision the contractor acknowledges. `version`
 * is the one the person edited: a newer one on the server answers 412 STALE_VERSION.
 */
export function updateContract({ id, version, changes }: { id: string; version: number; changes: UpdateContractInput }): Promise<Contract> {
  return dataOf(api.PATCH('/api/contracts/{id}', { params: { path: { id }, header: { 'if-match': etagOf(version) } }, body: changes }));
}

export function useUpdateContract() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateContract, onSuccess: (contract) => storeContract(queryClient, contract) });
}

/** Saves terms against the version shown; when someone saved first, reloads the contract and offers to re-apply. */
export function useContractEdit(id: string) {
  const update = useUpdateContract();
  const queryClient = useQueryClient();
  return useStaleVersion<Contract, UpdateContractInput>({
    save: (version, changes) => update.mutateAsync({ id, version, changes }),
    reload: () =>
      queryClient.fetchQuery({ queryKey: contractKeys.detail(id), queryFn: ({ signal }) => getContract(id, signal), staleTime: 0 }),
  });
}
