import { queryRoots } from '../../../lib/query.roots.ts';

export const siteWorkKeys = {
  all: queryRoots.siteWork,
  sheet: (jobId: string) => [...queryRoots.siteWork, 'sheet', jobId] as const,
  preferences: () => [...queryRoots.preferences] as const,
};
