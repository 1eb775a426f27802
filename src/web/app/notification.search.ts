import { type NotificationKind, notificationKinds } from '../../shared/domain/notification.kinds.ts';

export interface NotificationSearch {
  kind?: NotificationKind;
  unread?: boolean;
}

/** The centre's filters, read from the URL: anything unknown is dropped. */
export function validateNotificationSearch(search: Record<string, unknown>): NotificationSearch {
  const kind = notificationKinds.find((k) => k === search.kind);
  const unread = search.unread === true || search.unread === 'true' ? true : undefined;
  return { kind, unread };
}
