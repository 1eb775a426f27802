import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { jobKeys } from './job.keys.ts';

export type JobTemplate = ApiData<'/api/job-templates', 'get'>['items'][number];

/** The organization's first 200 templates (the create form's choice). */
export function useJobTemplates() {
  return useQuery({
    queryKey: jobKeys.templates(),
    queryFn: ({ signal }) => dataOf(api.GET('/api/job-templates', { params: { query: { limit: 200 } }, signal })),
  });
}
