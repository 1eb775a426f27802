import { useMutation, useQueryClient } from '@tanstack/react-query';
import { requestJson } from '../../../lib/api.client.ts';
import { milestoneKeys } from './milestone.keys.ts';

export function deleteMilestone(id: string): Promise<{ ok: true }> {
  return requestJson<{ ok: true }>(`/api/milestones/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function useDeleteMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMilestone,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: milestoneKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: milestoneKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    },
  });
}
