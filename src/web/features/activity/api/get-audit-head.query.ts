import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api.client.ts';

export interface AuditHead {
  chain: string;
  seq: number;
  hash: string;
}

export function getAuditHead(signal?: AbortSignal): Promise<{ head: AuditHead | null }> {
  return getJson<{ head: AuditHead | null }>('/api/audit-events/head', undefined, signal);
}

export function useAuditHead() {
  return useQuery({ queryKey: ['activity', 'head'], queryFn: ({ signal }) => getAuditHead(signal) });
}
