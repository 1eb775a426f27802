import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import type { JobTemplate } from './list-templates.query.ts';
import { templateKeys } from './template.keys.ts';

export function getTemplate(id: string, signal?: AbortSignal): Promise<JobTemplate> {
  return dataOf(api.GET('/api/job-templates/{id}', { params: { path: { id } }, signal }));
}

/** One template with its tasks (and its version, for the edit). */
export function useTemplate(id: string) {
  return useQuery({ queryKey: templateKeys.detail(id), queryFn: ({ signal }) => getTemplate(id, signal) });
}
