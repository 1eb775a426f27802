import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { milestoneKeys } from './milestone.keys.ts';
import type { BulkApproveResult } from './milestone.types.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

/** Approves several submitted milestones; each has its own outcome. */
export function bulkApprove(ids: string[]): Promise<BulkApproveResult> {
  return dataOf(api.POST('/api/milestones/bulk-approve', { body: { ids } }));
}

export function useBulkApprove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkApprove,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: milestoneKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryRoots.contracts });
      void queryClient.invalidateQueries({ queryKey: queryRoots.home });
    },
  });
}
