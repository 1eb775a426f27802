import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { notificationKeys } from './notification.keys.ts';

export type NotificationPage = ApiData<'/api/notifications', 'get'>;
export type Notification = NotificationPage['items'][number];

/** Newest first, a page at a time, with the unread count. */
export function listNotifications(cursor: string | undefined, signal?: AbortSignal): Promise<NotificationPage> {
  return dataOf(api.GET('/api/notifications', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) => listNotifications(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}
