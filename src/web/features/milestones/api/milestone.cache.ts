import type { QueryClient } from '@tanstack/react-query';
import { milestoneKeys } from './milestone.keys.ts';
import type { MilestoneDetail } from './milestone.types.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

/** After any change to a milestone: the fresh copy in place; lists and contract summaries refetched. */
export function storeMilestone(queryClient: QueryClient, milestone: MilestoneDetail): void {
  queryClient.setQueryData(milestoneKeys.detail(milestone.id), milestone);
  void queryClient.invalidateQueries({
    queryKey: milestoneKeys.all,
    predicate: ({ queryKey }) => queryKey[1] !== 'engagement-of-contract' && !(queryKey[1] === 'detail' && queryKey[2] === milestone.id),
  });
  // The contract's "left to deliver / approved / paid" totals change with its milestones.
  void queryClient.invalidateQueries({ queryKey: queryRoots.contracts });
  void queryClient.invalidateQueries({ queryKey: queryRoots.home });
}
