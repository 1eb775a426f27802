import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { etagOf } from '../../../../shared/domain/version.ts';
import type { NotificationSettingsChange } from '../../../../shared/schemas/notification.schema.ts';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { useStaleVersion } from '../../../lib/use-stale-version.ts';
import { notificationKeys } from './notification.keys.ts';

export type NotificationSettings = ApiData<'/api/notifications/settings', 'get'>;

export function getNotificationSettings(signal?: AbortSignal): Promise<NotificationSettings> {
  return dataOf(api.GET('/api/notifications/settings', { signal }));
}

export function useNotificationSettings() {
  return useQuery({ queryKey: notificationKeys.settings, queryFn: ({ signal }) => getNotificationSettings(signal) });
}

export function updateNotificationSettings(version: number, changes: NotificationSettingsChange): Promise<NotificationSettings> {
  return dataOf(api.PATCH('/api/notifications/settings', { params: { header: { 'if-match': etagOf(version) } }, body: changes }));
}

/** Saves against the version shown; when the settings were saved elsewhere first (another tab), reloads and offers to re-apply. */
export function useNotificationSettingsEdit() {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: NotificationSettingsChange }) =>
      updateNotificationSettings(version, changes),
    onSuccess: (settings) => queryClient.setQueryData(notificationKeys.settings, settings),
  });
  const edit = useStaleVersion<NotificationSettings, NotificationSettingsChange>({
    save: (version, changes) => update.mutateAsync({ version, changes }),
    reload: () =>
      queryClient.fetchQuery({
        queryKey: notificationKeys.settings,
        queryFn: ({ signal }) => getNotificationSettings(signal),
        staleTime: 0,
      }),
  });
  return { ...edit, isPending: update.isPending };
}
