import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import type { paths } from '../../../lib/api.types.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export type BulkResult = ApiData<'/api/desk/jobs/bulk-edit', 'post'>;
type BulkPath = '/api/desk/jobs/bulk-edit' | '/api/desk/jobs/bulk-accept' | '/api/desk/jobs/bulk-reject';
type Body<P extends BulkPath> = paths[P]['post'] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
export type BulkEditBody = Body<'/api/desk/jobs/bulk-edit'>;
export type BulkAcceptBody = Body<'/api/desk/jobs/bulk-accept'>;
export type BulkRejectBody = Body<'/api/desk/jobs/bulk-reject'>;

export type BulkRequest =
  | { kind: 'edit'; body: BulkEditBody }
  | { kind: 'accept'; body: BulkAcceptBody }
  | { kind: 'reject'; body: BulkRejectBody };

/**
 * One bulk request of the desk: technicians and a date, accept, or reject; the answer per job.
 * Each request carries its own Idempotency-Key, so a retry of a dropped answer changes nothing twice.
 */
export function sendBulk(request: BulkRequest): Promise<BulkResult> {
  const params = { header: { 'idempotency-key': globalThis.crypto.randomUUID() } };
  if (request.kind === 'edit') return dataOf(api.POST('/api/desk/jobs/bulk-edit', { params, body: request.body }));
  if (request.kind === 'accept') return dataOf(api.POST('/api/desk/jobs/bulk-accept', { params, body: request.body }));
  return dataOf(api.POST('/api/desk/jobs/bulk-reject', { params, body: request.body }));
}

export function useDeskBulk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendBulk,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryRoots.desk });
      void queryClient.invalidateQueries({ queryKey: queryRoots.home });
    },
  });
}
