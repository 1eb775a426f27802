import { useQuery } from '@tanstack/react-query';
import { getJob } from '../../jobs/api/get-job.query.ts';
import { jobKeys } from '../../jobs/api/job.keys.ts';

/** The job an invoice is for ("invoice this job"), when there is one. */
export function useInvoicedJob(jobId: string | undefined) {
  return useQuery({
    queryKey: jobKeys.detail(jobId ?? ''),
    queryFn: ({ signal }) => getJob(jobId!, signal),
    enabled: Boolean(jobId),
  });
}
