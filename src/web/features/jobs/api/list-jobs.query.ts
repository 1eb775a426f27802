import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { type JobFilters, jobKeys } from './job.keys.ts';

export type JobPage = ApiData<'/api/jobs', 'get'>;
export type JobListItem = JobPage['items'][number];

/** The jobs the signed-in person sees, a page at a time (keyset). */
export function listJobs(filters: JobFilters, cursor: string | undefined, signal?: AbortSignal): Promise<JobPage> {
  return dataOf(api.GET('/api/jobs', { params: { query: { ...filters, sort: filters.sort ?? 'due', limit: PAGE_SIZE, cursor } }, signal }));
}

export function useJobs(filters: JobFilters) {
  return useInfiniteQuery({
    queryKey: jobKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listJobs(filters, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
    placeholderData: keepPreviousData,
  });
}
