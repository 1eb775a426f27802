import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { auditEventSchema } from '../../../../shared/schemas/notification.schema.ts';
import { getJson } from '../../../lib/api.client.ts';

export type AuditEvent = z.infer<typeof auditEventSchema>;

export function listAuditEvents(signal?: AbortSignal): Promise<{ items: AuditEvent[] }> {
  return getJson<{ items: AuditEvent[] }>('/api/audit-events', undefined, signal);
}

export function useAuditEvents() {
  return useQuery({ queryKey: ['activity', 'events'], queryFn: ({ signal }) => listAuditEvents(signal) });
}
