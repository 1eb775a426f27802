import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query.roots.ts';
import type { JobDetail } from './get-job.query.ts';
import { jobKeys } from './job.keys.ts';

/** After any change to a job: the fresh copy in place, the lists and the Home refetched. */
export function storeJob(queryClient: QueryClient, job: JobDetail): void {
  queryClient.setQueryData(jobKeys.detail(job.id), job);
  void queryClient.invalidateQueries({ queryKey: [...jobKeys.all, 'list'] });
  void queryClient.invalidateQueries({ queryKey: queryRoots.home });
}
