import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { milestoneKeys } from './milestone.keys.ts';
import type { MilestoneDetail } from './milestone.types.ts';

/** One milestone with its attachments and every submission, newest first. */
export function getMilestone(id: string, signal?: AbortSignal): Promise<MilestoneDetail> {
  return dataOf(api.GET('/api/milestones/{id}', { params: { path: { id } }, signal }));
}

export function useMilestone(id: string) {
  return useQuery({ queryKey: milestoneKeys.detail(id), queryFn: ({ signal }) => getMilestone(id, signal) });
}
