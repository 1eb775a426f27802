import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function removeContractDocument({ contractId, fileId }: { contractId: string; fileId: string }): Promise<Contract> {
  return dataOf(api.DELETE('/api/contracts/{id}/documents/{fileId}', { params: { path: { id: contractId, fileId } } }));
}

export function useRemoveContractDocument() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeContractDocument, onSuccess: (contract) => storeContract(queryClient, contract) });
}
