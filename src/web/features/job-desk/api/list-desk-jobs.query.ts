import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type DeskSearch, deskFilterOf } from '../../../app/desk.search.ts';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { deskKeys } from './desk.keys.ts';

export type DeskPage = ApiData<'/api/desk/jobs', 'get'>;
export type DeskJob = DeskPage['items'][number];

/** One page of the jobs table (keyset: pass the last page's nextCursor); the first page carries the count. */
export function listDeskJobs(search: DeskSearch, cursor: string | undefined, signal?: AbortSignal): Promise<DeskPage> {
  return dataOf(
    api.GET('/api/desk/jobs', {
      params: { query: { ...deskFilterOf(search), sort: search.sort, dir: search.dir, limit: PAGE_SIZE, cursor } },
      signal,
    }),
  );
}

export function useDeskJobs(search: DeskSearch) {
  return useInfiniteQuery({
    queryKey: deskKeys.list(search),
    queryFn: ({ pageParam, signal }) => listDeskJobs(search, pageParam, signal),
    ...keysetPaging,
    placeholderData: keepPreviousData,
  });
}
