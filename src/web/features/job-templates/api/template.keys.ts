import { queryRoots } from '../../../lib/query.roots.ts';

/** Under the jobs root's `templates` key, which the new-job form's template choice also uses: a change refreshes both. */
export const templateKeys = {
  all: [...queryRoots.jobs, 'templates'] as const,
  list: () => [...queryRoots.jobs, 'templates', 'pages'] as const,
  detail: (id: string) => [...queryRoots.jobs, 'templates', 'detail', id] as const,
};
