import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/api.client.ts';
import { storeContract } from './contract.cache.ts';
import type { Contract } from './contract.types.ts';

export function removeContractDocument({ contractId, fileId }: { contractId: string; fileId: string }): Promise<Contract> {
  return requestJson<Contract>(`/api/contracts/${encodeURIComponent(contractId)}/documents/${encodeURIComponent(fileId)}`, { method: 'DELETE' });
}

export function useRemoveContractDocument() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeContractDocument, onSuccess: (contract) => storeContract(queryClient, contract) });
}
