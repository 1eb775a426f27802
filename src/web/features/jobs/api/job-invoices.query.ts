import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiData, api, dataOf } from '../../../lib/api.client.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export type JobInvoice = ApiData<'/api/invoices', 'get'>['items'][number];

/** Under the invoices root, so a change to an invoice anywhere refreshes the job page's copy. */
const jobInvoicesKey = (jobId: string) => [...queryRoots.invoices, 'of-job', jobId] as const;

/** The invoices submitted for a job ("invoice this job"), newest first, with what the reader may do. */
export function useJobInvoices(jobId: string) {
  return useQuery({
    queryKey: jobInvoicesKey(jobId),
    queryFn: ({ signal }) => dataOf(api.GET('/api/invoices', { params: { query: { jobId, limit: 20 } }, signal })),
  });
}

/** Approves a job's invoice from the job page (the draft payment is made as for any invoice); one key per press. */
export function useApproveJobInvoice(jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      dataOf(
        api.POST('/api/invoices/{id}/approve', {
          params: { path: { id }, header: { 'idempotency-key': globalThis.crypto.randomUUID() } },
          body: {},
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: jobInvoicesKey(jobId) });
      void queryClient.invalidateQueries({ queryKey: queryRoots.invoices });
      void queryClient.invalidateQueries({ queryKey: queryRoots.payments });
      void queryClient.invalidateQueries({ queryKey: queryRoots.home });
    },
  });
}
