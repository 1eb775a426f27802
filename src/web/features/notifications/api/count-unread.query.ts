import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import type { NotificationPage } from './list-notifications.query.ts';
import { notificationKeys } from './notification.keys.ts';

export function listUnreadNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return dataOf(api.GET('/api/notifications', { params: { query: { unread: 'true', limit: 1 } }, signal }));
}

/** The bell's number; checked every minute while the tab is open. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => listUnreadNotifications(signal),
    select: (page) => page.unread,
    refetchInterval: 60_000,
  });
}
