import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { MilestoneDetail, UpdateMilestoneInput } from './milestone.types.ts';

/** Amount and due date are frozen once the milestone is approved. */
export function updateMilestone({ id, changes }: { id: string; changes: UpdateMilestoneInput }): Promise<MilestoneDetail> {
  return dataOf(api.PATCH('/api/milestones/{id}', { params: { path: { id } }, body: changes }));
}

export function useUpdateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateMilestone, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
