import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { MilestoneDetail, SubmitMilestoneInput } from './milestone.types.ts';

/** "Ready for review": the uploaded files, links and a note become a new submission version. */
export function submitMilestone({ id, input }: { id: string; input: SubmitMilestoneInput }): Promise<MilestoneDetail> {
  return dataOf(api.POST('/api/milestones/{id}/submit', { params: { path: { id } }, body: input }));
}

export function useSubmitMilestone() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: submitMilestone, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
