import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';
import { contractKeys } from './contract.keys.ts';
import type { ContractRevision } from './contract.types.ts';

export function acknowledgeRevision({
  contractId,
  number,
}: {
  contractId: string;
  number: number;
}): Promise<{ items: ContractRevision[] }> {
  return dataOf(api.POST('/api/contracts/{id}/revisions/{number}/acknowledge', { params: { path: { id: contractId, number } } }));
}

export function useAcknowledgeRevision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeRevision,
    onSuccess: (revisions, { contractId }) => {
      queryClient.setQueryData(contractKeys.revisions(contractId), revisions);
      // The contract's count of unacknowledged revisions changes with it.
      void queryClient.invalidateQueries({ queryKey: contractKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryRoots.home });
    },
  });
}
