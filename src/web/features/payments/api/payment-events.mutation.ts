import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshPayments } from './payment.cache.ts';
import type { PaymentDetail } from './payment.types.ts';

export type NoteBody = { body: string; fileId?: string };

/** The events of a payment other than send, each its own endpoint. */
export const paymentEvents = {
  approve: ({ id }: { id: string }) => dataOf(api.POST('/api/payments/{id}/approve', { params: { path: { id } }, body: {} })),
  cancel: ({ id, reason }: { id: string; reason: string }) =>
    dataOf(api.POST('/api/payments/{id}/cancel', { params: { path: { id } }, body: { reason } })),
  confirmReceipt: ({ id }: { id: string }) =>
    dataOf(api.POST('/api/payments/{id}/confirm-receipt', { params: { path: { id } }, body: {} })),
  dispute: ({ id, ...body }: { id: string } & NoteBody) =>
    dataOf(api.POST('/api/payments/{id}/dispute', { params: { path: { id } }, body })),
  addNote: ({ id, ...body }: { id: string } & NoteBody) => dataOf(api.POST('/api/payments/{id}/notes', { params: { path: { id } }, body })),
  resolveAsSent: ({ id, ...body }: { id: string } & NoteBody) =>
    dataOf(api.POST('/api/payments/{id}/resolve-as-sent', { params: { path: { id } }, body })),
  resolveAsReceived: ({ id, ...body }: { id: string } & NoteBody) =>
    dataOf(api.POST('/api/payments/{id}/resolve-as-received', { params: { path: { id } }, body })),
};

export function usePaymentEvent<A>(run: (args: A) => Promise<PaymentDetail>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: (payment) => refreshPayments(queryClient, payment) });
}
