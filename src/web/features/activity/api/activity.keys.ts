import { queryRoots } from '../../../lib/query.roots.ts';

export const activityKeys = {
  events: [...queryRoots.activity, 'events'] as const,
  head: [...queryRoots.activity, 'head'] as const,
};
