import { useQuery } from '@tanstack/react-query';
import type { Engagement } from '../../../../shared/schemas/organization.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { engagementKeys } from './engagement.keys.ts';

export function getEngagement(id: string, signal?: AbortSignal): Promise<Engagement> {
  return getJson<Engagement>(`/api/engagements/${encodeURIComponent(id)}`, undefined, signal);
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: engagementKeys.detail(id), queryFn: ({ signal }) => getEngagement(id, signal) });
}
