import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/api.client.ts';
import { storeMilestone } from './milestone.cache.ts';
import type { MilestoneDetail } from './milestone.types.ts';

export function removeMilestoneAttachment({ id, fileId }: { id: string; fileId: string }): Promise<MilestoneDetail> {
  return requestJson<MilestoneDetail>(`/api/milestones/${encodeURIComponent(id)}/attachments/${encodeURIComponent(fileId)}`, { method: 'DELETE' });
}

export function useRemoveMilestoneAttachment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: removeMilestoneAttachment, onSuccess: (milestone) => storeMilestone(queryClient, milestone) });
}
