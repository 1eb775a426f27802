import { queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { messageKeys } from './message.keys.ts';

export type ThreadPage = ApiData<'/api/threads', 'get'>;
export type Thread = ApiData<'/api/threads/{id}', 'get'>;

export function listThreads(cursor: string | undefined, jobId: string | undefined, signal?: AbortSignal): Promise<ThreadPage> {
  return dataOf(api.GET('/api/threads', { params: { query: { limit: PAGE_SIZE, cursor, jobId } }, signal }));
}

/** The person's threads (one per engagement), newest engagement first, with unread counts. */
export function useThreads() {
  return useInfiniteQuery({
    queryKey: messageKeys.threads(),
    queryFn: ({ pageParam, signal }) => listThreads(pageParam, undefined, signal),
    ...keysetPaging,
    select: joinPages,
  });
}

/** The threads of a job's engagement: also started by the tech view's job route while the router loads it. */
export function jobThreadsQuery(jobId: string) {
  return queryOptions({ queryKey: messageKeys.threads(jobId), queryFn: ({ signal }) => listThreads(undefined, jobId, signal) });
}

/** The thread of a job's engagement (a technician's job page); null when there is none to read. */
export function useJobThread(jobId: string) {
  return useQuery({ ...jobThreadsQuery(jobId), select: (page) => page.items[0] ?? null });
}

export function useThread(id: string) {
  return useQuery({
    queryKey: messageKeys.thread(id),
    queryFn: ({ signal }) => dataOf(api.GET('/api/threads/{id}', { params: { path: { id } }, signal })),
  });
}

/** The navigation's badge: unread messages everywhere; live events refresh it, and a slow poll backs them up. */
export function useUnreadMessages() {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: ({ signal }) => dataOf(api.GET('/api/threads/unread', { signal })),
    select: (data) => data.unread,
    refetchInterval: 60_000,
  });
}
