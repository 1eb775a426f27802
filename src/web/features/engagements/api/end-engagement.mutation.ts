import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Engagement } from '../../../../shared/schemas/organization.schema.ts';
import { postJson } from '../../../lib/api.client.ts';
import { engagementKeys } from './engagement.keys.ts';

export function endEngagement(id: string): Promise<Engagement> {
  return postJson<Engagement>(`/api/engagements/${encodeURIComponent(id)}/end`);
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
