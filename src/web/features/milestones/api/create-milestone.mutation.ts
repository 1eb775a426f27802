import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { CreateMilestoneInput, MilestoneDetail } from './milestone.types.ts';

export function createMilestone({ contractId, input }: { contractId: string; input: CreateMilestoneInput }): Promise<MilestoneDetail> {
  return dataOf(api.POST('/api/contracts/{id}/milestones', { params: { path: { id: contractId } }, body: input }));
}

export function useCreateMilestone() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createMilestone, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
