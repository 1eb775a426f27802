import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { milestoneKeys } from './milestone.keys.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export function deleteMilestone(id: string): Promise<{ ok: true }> {
  return dataOf(api.DELETE('/api/milestones/{id}', { params: { path: { id } } }));
}

export function useDeleteMilestone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteMilestone,
    onSuccess: (_result, id) => {
      queryClient.removeQueries({ queryKey: milestoneKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: milestoneKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryRoots.contracts });
      void queryClient.invalidateQueries({ queryKey: queryRoots.home });
    },
  });
}
