import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { activityKeys } from './activity.keys.ts';

export type AuditHead = NonNullable<ApiData<'/api/audit-events/head', 'get'>['head']>;

export function getAuditHead(signal?: AbortSignal): Promise<ApiData<'/api/audit-events/head', 'get'>> {
  return dataOf(api.GET('/api/audit-events/head', { signal }));
}

export function useAuditHead() {
  return useQuery({ queryKey: activityKeys.head, queryFn: ({ signal }) => getAuditHead(signal) });
}
