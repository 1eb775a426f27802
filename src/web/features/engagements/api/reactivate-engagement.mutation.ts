import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Engagement } from '../../../../shared/schemas/organization.schema.ts';
import { postJson } from '../../../lib/api.client.ts';
import { engagementKeys } from './engagement.keys.ts';

export function reactivateEngagement(id: string): Promise<Engagement> {
  return postJson<Engagement>(`/api/engagements/${encodeURIComponent(id)}/reactivate`);
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
