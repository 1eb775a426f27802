import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

/** Attaches a file uploaded for the contract's engagement as a contract document. */
export function addContractDocument({ contractId, fileId }: { contractId: string; fileId: string }): Promise<Contract> {
  return dataOf(api.POST('/api/contracts/{id}/documents', { params: { path: { id: contractId } }, body: { fileId } }));
}

export function useAddContractDocument() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addContractDocument, onSuccess: (contract) => storeContract(queryClient, contract) });
}
