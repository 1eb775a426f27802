import { useInfiniteQuery } from '@tanstack/react-query';
import type { NotificationKind } from '../../../../shared/domain/notification.kinds.ts';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { notificationKeys } from './notification.keys.ts';

export type NotificationGroupPage = ApiData<'/api/notifications/groups', 'get'>;
export type NotificationGroup = NotificationGroupPage['items'][number];

export interface NotificationFilters {
  kind?: NotificationKind;
  unread?: boolean;
}

/** The centre: one entry per subject, newest activity first, a page at a time. */
export function listNotificationGroups(filters: NotificationFilters, cursor: string | undefined, signal?: AbortSignal) {
  return dataOf(
    api.GET('/api/notifications/groups', {
      params: { query: { limit: PAGE_SIZE, cursor, kind: filters.kind, unread: filters.unread ? 'true' : undefined } },
      signal,
    }),
  );
}

export function useNotificationGroups(filters: NotificationFilters) {
  return useInfiniteQuery({
    queryKey: notificationKeys.groups(filters),
    queryFn: ({ pageParam, signal }) => listNotificationGroups(filters, pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}
