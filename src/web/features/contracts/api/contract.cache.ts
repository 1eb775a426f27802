import type { QueryClient } from '@tanstack/react-query';
import { contractKeys } from './contract.keys.ts';
import type { Contract } from './contract.types.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

/** After any change to a contract: the fresh copy in place, lists and revisions refetched. */
export function storeContract(queryClient: QueryClient, contract: Contract): void {
  queryClient.setQueryData(contractKeys.detail(contract.id), contract);
  void queryClient.invalidateQueries({ queryKey: contractKeys.all });
  // Notifications and milestones may follow a contract change (revision, status).
  void queryClient.invalidateQueries({ queryKey: queryRoots.milestones });
  void queryClient.invalidateQueries({ queryKey: queryRoots.home });
}
