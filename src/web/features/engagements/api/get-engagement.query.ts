import { useQuery } from '@tanstack/react-query';
import type { Engagement } from './engagement.types.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { engagementKeys } from './engagement.keys.ts';

export function getEngagement(id: string, signal?: AbortSignal): Promise<Engagement> {
  return dataOf(api.GET('/api/engagements/{id}', { params: { path: { id } }, signal }));
}

export function useEngagement(id: string) {
  return useQuery({ queryKey: engagementKeys.detail(id), queryFn: ({ signal }) => getEngagement(id, signal) });
}
