import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../../../lib/api.client.ts';
import { milestoneKeys } from './milestone.keys.ts';
import type { BulkApproveResult } from './milestone.types.ts';

/** Approves several submitted milestones; each has its own outcome. */
export function bulkApprove(ids: string[]): Promise<BulkApproveResult> {
  return postJson<BulkApproveResult>('/api/milestones/bulk-approve', { ids });
}

export function useBulkApprove() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkApprove,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: milestoneKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    },
  });
}
