import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { contractKeys } from './contract.keys.ts';
import type { ContractRevision } from './contract.types.ts';

/** Revisions, newest first, each with what changed. */
export function listRevisions(contractId: string, signal?: AbortSignal): Promise<{ items: ContractRevision[] }> {
  return dataOf(api.GET('/api/contracts/{id}/revisions', { params: { path: { id: contractId } }, signal }));
}

export function useRevisions(contractId: string) {
  return useQuery({ queryKey: contractKeys.revisions(contractId), queryFn: ({ signal }) => listRevisions(contractId, signal) });
}
