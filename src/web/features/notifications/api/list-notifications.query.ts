import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { notificationSchema } from '../../../../shared/schemas/notification.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE, type Paged } from '../../../lib/paging.ts';
import { notificationKeys } from './notification.keys.ts';

export type Notification = z.infer<typeof notificationSchema>;
export interface NotificationPage extends Paged<Notification> {
  unread: number;
}

/** Newest first, a page at a time, with the unread count. */
export function listNotifications(cursor: string | undefined, signal?: AbortSignal): Promise<NotificationPage> {
  return getJson<NotificationPage>('/api/notifications', { limit: PAGE_SIZE, cursor }, signal);
}

export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) => listNotifications(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}
