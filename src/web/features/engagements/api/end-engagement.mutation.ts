import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Engagement } from './engagement.types.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { engagementKeys } from './engagement.keys.ts';

export function endEngagement(id: string): Promise<Engagement> {
  return dataOf(api.POST('/api/engagements/{id}/end', { params: { path: { id } } }));
}

export function useEndEngagement() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endEngagement,
    onSuccess: (engagement) => {
      queryClient.setQueryData(engagementKeys.detail(engagement.id), engagement);
      void queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    },
  });
}
