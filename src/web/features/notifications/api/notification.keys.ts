import { queryRoots } from '../../../lib/query.roots.ts';
export const notificationKeys = {
  all: queryRoots.notifications,
  list: [...queryRoots.notifications, 'list'] as const,
  unread: [...queryRoots.notifications, 'unread'] as const,
};
