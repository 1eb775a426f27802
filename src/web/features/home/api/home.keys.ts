import { queryRoots } from '../../../lib/query.roots.ts';

export const homeKeys = {
  all: queryRoots.home,
  current: [...queryRoots.home, 'current'] as const,
};
