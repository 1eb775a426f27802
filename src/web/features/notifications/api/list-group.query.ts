import { useInfiniteQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { notificationKeys } from './notification.keys.ts';

/** The notifications of one group, newest first: what "Show all" opens. */
export function listGroupNotifications(key: string, cursor: string | undefined, signal?: AbortSignal) {
  return dataOf(api.GET('/api/notifications', { params: { query: { group: key, limit: PAGE_SIZE, cursor } }, signal }));
}

export function useGroupNotifications(key: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: notificationKeys.group(key),
    queryFn: ({ pageParam, signal }) => listGroupNotifications(key, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
    enabled,
  });
}
