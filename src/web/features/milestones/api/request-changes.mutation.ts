import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { MilestoneDetail } from './milestone.types.ts';

/** Sends a submitted milestone back to the contractor with the reason. */
export function requestChanges({ id, reason }: { id: string; reason: string }): Promise<MilestoneDetail> {
  return dataOf(api.POST('/api/milestones/{id}/request-changes', { params: { path: { id } }, body: { reason } }));
}

export function useRequestChanges() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: requestChanges, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
