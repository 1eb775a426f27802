import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging } from '../../../lib/paging.ts';
import { techViewKeys } from './tech-view.keys.ts';

export type MyJobsPage = ApiData<'/api/my-jobs', 'get'>;
export type MyJob = MyJobsPage['items'][number];

/** A phone screen of jobs at a time. */
const MY_JOBS_PAGE = 20;

export function listMyJobs(when: 'today' | 'upcoming', cursor: string | undefined, signal?: AbortSignal): Promise<MyJobsPage> {
  return dataOf(api.GET('/api/my-jobs', { params: { query: { when, limit: MY_JOBS_PAGE, cursor } }, signal }));
}

export function useMyJobs(when: 'today' | 'upcoming') {
  return useInfiniteQuery({
    queryKey: techViewKeys.list(when),
    queryFn: ({ pageParam, signal }) => listMyJobs(when, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}
