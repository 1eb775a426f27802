import { type JobStatus, jobStatuses } from '../../shared/domain/job.machine.ts';

export interface JobSearch {
  status?: JobStatus;
  q?: string;
}

/** The company's job list filters, read from the URL: anything unknown is dropped. */
export function validateJobSearch(search: Record<string, unknown>): JobSearch {
  return {
    status: jobStatuses.find((s) => s === search.status),
    q: typeof search.q === 'string' && search.q.length <= 100 ? search.q : undefined,
  };
}
