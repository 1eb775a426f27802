import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { MilestoneDetail } from './milestone.types.ts';

export function addMilestoneAttachment({ id, fileId }: { id: string; fileId: string }): Promise<MilestoneDetail> {
  return dataOf(api.POST('/api/milestones/{id}/attachments', { params: { path: { id } }, body: { fileId } }));
}

export function useAddMilestoneAttachment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: addMilestoneAttachment, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
