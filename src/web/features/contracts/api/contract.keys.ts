import type { ContractStatus } from '../../../../shared/domain/contract.machine.ts';

export interface ContractFilters {
  status?: ContractStatus;
  q?: string;
  engagementId?: string;
}

export const contractKeys = {
  all: ['contracts'] as const,
  list: (filters: ContractFilters) => ['contracts', 'list', filters] as const,
  detail: (id: string) => ['contracts', 'detail', id] as const,
  revisions: (id: string) => ['contracts', 'revisions', id] as const,
};
