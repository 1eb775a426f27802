import { queryRoots } from '../../../lib/query.roots.ts';
export const notificationKeys = {
  all: queryRoots.notifications,
  list: [...queryRoots.notifications, 'list'] as const,
  unread: [...queryRoots.notifications, 'unread'] as const,
  groups: (filters: object) => [...queryRoots.notifications, 'groups', filters] as const,
  group: (key: string) => [...queryRoots.notifications, 'group', key] as const,
  settings: [...queryRoots.notifications, 'settings'] as const,
};
