import type { JobStatus } from '../../../../shared/domain/job.machine.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export interface JobFilters {
  status?: JobStatus;
  q?: string;
  sort?: 'due' | 'created';
}

export const jobKeys = {
  all: queryRoots.jobs,
  list: (filters: JobFilters) => [...queryRoots.jobs, 'list', filters] as const,
  detail: (id: string) => [...queryRoots.jobs, 'detail', id] as const,
  templates: () => [...queryRoots.jobs, 'templates'] as const,
};
