import { queryRoots } from '../../../lib/query.roots.ts';
import type { EngagementStatus } from '../../../../shared/domain/roles.ts';

export interface EngagementFilters {
  status?: EngagementStatus;
  q?: string;
}

export const engagementKeys = {
  all: queryRoots.engagements,
  list: (filters: EngagementFilters) => [...queryRoots.engagements, 'list', filters] as const,
  detail: (id: string) => [...queryRoots.engagements, 'detail', id] as const,
};
