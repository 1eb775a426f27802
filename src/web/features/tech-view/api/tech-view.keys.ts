import { queryRoots } from '../../../lib/query.roots.ts';

export const techViewKeys = {
  all: queryRoots.techView,
  list: (when: 'today' | 'upcoming') => [...queryRoots.techView, 'list', when] as const,
  detail: (id: string) => [...queryRoots.techView, 'detail', id] as const,
};
