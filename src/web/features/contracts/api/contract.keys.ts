import { queryRoots } from '../../../lib/query.roots.ts';
import type { ContractStatus } from '../../../../shared/domain/contract.machine.ts';

export interface ContractFilters {
  status?: ContractStatus;
  q?: string;
  engagementId?: string;
}

export const contractKeys = {
  all: queryRoots.contracts,
  list: (filters: ContractFilters) => [...queryRoots.contracts, 'list', filters] as const,
  detail: (id: string) => [...queryRoots.contracts, 'detail', id] as const,
  revisions: (id: string) => [...queryRoots.contracts, 'revisions', id] as const,
};
