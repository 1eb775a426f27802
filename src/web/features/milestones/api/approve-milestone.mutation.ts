import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { MilestoneDetail } from './milestone.types.ts';

/** Approves a submitted milestone; the server creates exactly one draft payment (see paymentId). */
export function approveMilestone({ id, note }: { id: string; note?: string }): Promise<MilestoneDetail> {
  return dataOf(api.POST('/api/milestones/{id}/approve', { params: { path: { id } }, body: note ? { note } : {} }));
}

export function useApproveMilestone() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: approveMilestone, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
