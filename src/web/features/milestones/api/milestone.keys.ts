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
  all: ['milestones'] as const,
  list: (filters: MilestoneFilters) => ['milestones', 'list', filters] as const,
  detail: (id: string) => ['milestones', 'detail', id] as const,
  engagementOfContract: (contractId: string) => ['milestones', 'engagement-of-contract', contractId] as const,
};
