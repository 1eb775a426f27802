import { useInfiniteQuery } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE } from '../../../lib/paging.ts';
import { activityKeys } from './activity.keys.ts';

export type AuditEventPage = ApiData<'/api/audit-events', 'get'>;
export type AuditEvent = AuditEventPage['items'][number];

/** Newest first, a page at a time. */
export function listAuditEvents(cursor: string | undefined, signal?: AbortSignal): Promise<AuditEventPage> {
  return dataOf(api.GET('/api/audit-events', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));
}

export function useAuditEvents() {
  return useInfiniteQuery({
    queryKey: activityKeys.events,
    queryFn: ({ pageParam, signal }) => listAuditEvents(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}
