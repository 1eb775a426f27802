import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationSchema } from '../../../../shared/schemas/notification.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { notificationKeys } from './notification.keys.ts';

export type Notification = z.infer<typeof notificationSchema>;
export interface NotificationPage {
  items: Notification[];
  unread: number;
}

export function listNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return getJson<NotificationPage>('/api/notifications', undefined, signal);
}

export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.list, queryFn: ({ signal }) => listNotifications(signal) });
}
