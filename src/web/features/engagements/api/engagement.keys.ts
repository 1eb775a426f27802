import type { EngagementStatus } from '../../../../shared/domain/roles.ts';

export interface EngagementFilters {
  status?: EngagementStatus;
  q?: string;
}

export const engagementKeys = {
  all: ['engagements'] as const,
  list: (filters: EngagementFilters) => ['engagements', 'list', filters] as const,
  detail: (id: string) => ['engagements', 'detail', id] as const,
};
