import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';
import { contractKeys } from './contract.keys.ts';
import type { ContractRevision } from './contract.types.ts';

export function acknowledgeRevision({ contractId, number }: { contractId: string; number: number }): Promise<{ items: ContractRevision[] }> {
  return postJson<{ items: ContractRevision[] }>(`/api/contracts/${encodeURIComponent(contractId)}/revisions/${number}/acknowledge`);
}

export function useAcknowledgeRevision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeRevision,
    onSuccess: (revisions, { contractId }) => {
      queryClient.setQueryData(contractKeys.revisions(contractId), revisions);
      // The contract's count of unacknowledged revisions changes with it.
      void queryClient.invalidateQueries({ queryKey: contractKeys.all });
    },
  });
}
