import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { notificationKeys } from './notification.keys.ts';

export type NotificationPage = ApiData<'/api/notifications', 'get'>;
export type Notification = NotificationPage['items'][number];

export function listNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return dataOf(api.GET('/api/notifications', { signal }));
}

export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.list, queryFn: ({ signal }) => listNotifications(signal) });
}
