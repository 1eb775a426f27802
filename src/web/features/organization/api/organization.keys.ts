import { queryRoots } from '../../../lib/query.roots.ts';
export const organizationKeys = {
  current: [...queryRoots.organization, 'current'] as const,
  staff: [...queryRoots.organization, 'staff'] as const,
};
