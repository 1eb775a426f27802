import { queryRoots } from '../../../lib/query.roots.ts';
import type { MilestoneStatus } from '../../../../shared/domain/milestone.machine.ts';

export type MilestoneView = 'pending' | 'approved' | 'all';

export interface MilestoneFilters {
  view: MilestoneView;
  status?: MilestoneStatus;
  contractorId?: string;
  contractId?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
}

export const milestoneKeys = {
  all: queryRoots.milestones,
  list: (filters: MilestoneFilters) => [...queryRoots.milestones, 'list', filters] as const,
  detail: (id: string) => [...queryRoots.milestones, 'detail', id] as const,
};
