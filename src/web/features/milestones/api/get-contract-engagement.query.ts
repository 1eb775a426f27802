import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { milestoneKeys } from './milestone.keys.ts';

/**
 * Files for a milestone are uploaded for its contract's engagement (so both sides see them);
 * the milestone names its contract, and the contract (GET /api/contracts/:id) its engagement.
 */
export function getContractEngagementId(contractId: string, signal?: AbortSignal): Promise<string> {
  return dataOf(api.GET('/api/contracts/{id}', { params: { path: { id: contractId } }, signal })).then((c) => c.engagementId);
}

export function useContractEngagementId(contractId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: milestoneKeys.engagementOfContract(contractId ?? ''),
    queryFn: ({ signal }) => getContractEngagementId(contractId ?? '', signal),
    enabled: Boolean(contractId) && enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
