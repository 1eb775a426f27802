import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { activityKeys } from './activity.keys.ts';

export type AuditEventPage = ApiData<'/api/audit-events', 'get'>;
export type AuditEvent = AuditEventPage['items'][number];

export function listAuditEvents(signal?: AbortSignal): Promise<AuditEventPage> {
  return dataOf(api.GET('/api/audit-events', { signal }));
}

export function useAuditEvents() {
  return useQuery({ queryKey: activityKeys.events, queryFn: ({ signal }) => listAuditEvents(signal) });
}
