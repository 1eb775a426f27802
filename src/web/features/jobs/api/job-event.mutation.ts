import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import type { JobDetail } from './get-job.query.ts';
import { storeJob } from './job.cache.ts';

/** Every event of the job machine the pages fire, each its own endpoint, with what it records. */
export type JobEventInput =
  | { event: 'accept'; id: string; targetOn: string | null }
  | { event: 'reject' | 'cancel' | 'send-back'; id: string; reason: string }
  | { event: 'schedule'; id: string; scheduledOn: string }
  | { event: 'close'; id: string; note?: string }
  | { event: 'reassign'; id: string; engagementId?: string }
  | { event: 'archive'; id: string }
  | { event: 'complete'; id: string; performedOn: string; documents: Array<{ fileId: string; kind: 'invoice' | 'report' | 'quote' }> };

export function fireJobEvent(input: JobEventInput): Promise<JobDetail> {
  const path = { params: { path: { id: input.id } } };
  switch (input.event) {
    case 'accept':
      return dataOf(api.POST('/api/jobs/{id}/accept', { ...path, body: { targetOn: input.targetOn } }));
    case 'reject':
      return dataOf(api.POST('/api/jobs/{id}/reject', { ...path, body: { reason: input.reason } }));
    case 'cancel':
      return dataOf(api.POST('/api/jobs/{id}/cancel', { ...path, body: { reason: input.reason } }));
    case 'send-back':
      return dataOf(api.POST('/api/jobs/{id}/send-back', { ...path, body: { reason: input.reason } }));
    case 'schedule':
      return dataOf(api.POST('/api/jobs/{id}/schedule', { ...path, body: { scheduledOn: input.scheduledOn } }));
    case 'close':
      return dataOf(api.POST('/api/jobs/{id}/close', { ...path, body: { note: input.note } }));
    case 'reassign':
      return dataOf(api.POST('/api/jobs/{id}/reassign', { ...path, body: { engagementId: input.engagementId } }));
    case 'archive':
      return dataOf(api.POST('/api/jobs/{id}/archive', { ...path, body: {} }));
    case 'complete':
      return dataOf(api.POST('/api/jobs/{id}/complete', { ...path, body: { performedOn: input.performedOn, documents: input.documents } }));
  }
}

export function useJobEvent() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fireJobEvent, onSuccess: (job) => storeJob(queryClient, job) });
}
