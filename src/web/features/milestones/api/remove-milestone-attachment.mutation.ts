import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { MilestoneDetail } from './milestone.types.ts';

export function removeMilestoneAttachment({ id, fileId }: { id: string; fileId: string }): Promise<MilestoneDetail> {
  return dataOf(api.DELETE('/api/milestones/{id}/attachments/{fileId}', { params: { path: { id, fileId } } }));
}

export function useRemoveMilestoneAttachment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeMilestoneAttachment, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
