import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEventSchema } from '../../../../shared/schemas/notification.schema.ts';
import { getJson } from '../../../lib/api.client.ts';
import { joinPages, keysetPaging, PAGE_SIZE, type Paged } from '../../../lib/paging.ts';

export type AuditEvent = z.infer<typeof auditEventSchema>;

/** Newest first, a page at a time. */
export function listAuditEvents(cursor: string | undefined, signal?: AbortSignal): Promise<Paged<AuditEvent>> {
  return getJson<Paged<AuditEvent>>('/api/audit-events', { limit: PAGE_SIZE, cursor }, signal);
}

export function useAuditEvents() {
  return useInfiniteQuery({
    queryKey: ['activity', 'events'],
    queryFn: ({ pageParam, signal }) => listAuditEvents(pageParam, signal),
    ...keysetPaging,
    select: joinPages,
  });
}
