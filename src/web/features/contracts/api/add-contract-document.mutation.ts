import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

/** Attaches a file uploaded for the contract's engagement as a contract document. */
export function addContractDocument({ contractId, fileId }: { contractId: string; fileId: string }): Promise<Contract> {
  return postJson<Contract>(`/api/contracts/${encodeURIComponent(contractId)}/documents`, { fileId });
}

export function useAddContractDocument() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addContractDocument, onSuccess: (contract) => storeContract(queryClient, contract) });
}
