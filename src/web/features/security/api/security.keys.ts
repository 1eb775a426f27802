import { queryRoots } from '../../../lib/query.roots.ts';
export const securityKeys = {
  sessions: [...queryRoots.security, 'sessions'] as const,
  currentSession: [...queryRoots.security, 'current-session'] as const,
};
