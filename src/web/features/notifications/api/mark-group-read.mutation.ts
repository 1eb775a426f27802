import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { notificationKeys } from './notification.keys.ts';

export function markGroupRead(key: string): Promise<unknown> {
  return dataOf(api.POST('/api/notifications/groups/read', { body: { key } }));
}

export function useMarkGroupRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markGroupRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
