import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { organizationKeys } from './organization.keys.ts';

export type StaffPage = ApiData<'/api/staff', 'get'>;
export type StaffMember = StaffPage['items'][number];

/** In the order they joined, a page at a time. */
export function listStaff(cursor: string | undefined, signal?: AbortSignal): Promise<StaffPage> {
  return dataOf(api.GET('/api/staff', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));
}

export function useStaff() {
  return useInfiniteQuery({
    queryKey: organizationKeys.staff,
    queryFn: ({ pageParam, signal }) => listStaff(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}
