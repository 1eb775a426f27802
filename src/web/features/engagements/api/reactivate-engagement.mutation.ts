import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Engagement } from './engagement.types.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { engagementKeys } from './engagement.keys.ts';

export function reactivateEngagement(id: string): Promise<Engagement> {
  return dataOf(api.POST('/api/engagements/{id}/reactivate', { params: { path: { id } } }));
}

export function useReactivateEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reactivateEngagement,
    onSuccess: (engagement) => {
      queryClient.setQueryData(engagementKeys.detail(engagement.id), engagement);
      void queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    },
  });
}
