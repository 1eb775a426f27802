import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationKind } from '../../../../shared/domain/notification.kinds.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { notificationKeys } from './notification.keys.ts';

/** Marks all read, or all of one kind (the filter shown). */
export function markAllNotificationsRead(kind?: NotificationKind): Promise<unknown> {
  return dataOf(api.POST('/api/notifications/read-all', { body: kind ? { kind } : {} }));
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
