import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { jobKeys } from './job.keys.ts';

/** The organization's active engagements (the contractors a job can go to), the first 200 by name. */
export function useActiveEngagements() {
  return useQuery({
    queryKey: [...jobKeys.all, 'active-engagements'],
    queryFn: ({ signal }) => dataOf(api.GET('/api/engagements', { params: { query: { status: 'active', limit: 200 } }, signal })),
  });
}
