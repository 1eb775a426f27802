import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { jobKeys } from './job.keys.ts';

export type JobDetail = ApiData<'/api/jobs/{id}', 'get'>;

/** One job: summary, documents, service tasks, technicians, history. */
export function getJob(id: string, signal?: AbortSignal): Promise<JobDetail> {
  return dataOf(api.GET('/api/jobs/{id}', { params: { path: { id } }, signal }));
}

export function useJob(id: string) {
  return useQuery({ queryKey: jobKeys.detail(id), queryFn: ({ signal }) => getJob(id, signal) });
}
