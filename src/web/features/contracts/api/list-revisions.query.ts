import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api.client.ts';
import { contractKeys } from './contract.keys.ts';
import type { ContractRevision } from './contract.types.ts';

/** Revisions, newest first, each with what changed. */
export function listRevisions(contractId: string, signal?: AbortSignal): Promise<{ items: ContractRevision[] }> {
  return getJson<{ items: ContractRevision[] }>(`/api/contracts/${encodeURIComponent(contractId)}/revisions`, undefined, signal);
}

export function useRevisions(contractId: string) {
  return useQuery({ queryKey: contractKeys.revisions(contractId), queryFn: ({ signal }) => listRevisions(contractId, signal) });
}
