import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshPayments } from './payment.cache.ts';
import type { PaymentDetail } from './payment.types.ts';

export interface NewPayment {
  engagementId: string;
  amountMinor: number;
  currency: string;
  description: string;
  idempotencyKey: string;
}

/** A draft by hand; a retry with the same key gets the same draft back. */
export function createPayment({ idempotencyKey, ...body }: NewPayment): Promise<PaymentDetail> {
  return dataOf(api.POST('/api/payments', { body, params: { header: { 'idempotency-key': idempotencyKey } } }));
}

export function useCreatePayment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createPayment, onSuccess: (payment) => refreshPayments(queryClient, payment) });
}

/** A correction of a sent payment: a new draft linked to it. */
export function adjustPayment({
  id,
  idempotencyKey,
  ...body
}: {
  id: string;
  amountMinor: number;
  description: string;
  idempotencyKey: string;
}) {
  return dataOf(
    api.POST('/api/payments/{id}/adjustments', { params: { path: { id }, header: { 'idempotency-key': idempotencyKey } }, body }),
  );
}

export function useAdjustPayment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: adjustPayment, onSuccess: (payment) => refreshPayments(queryClient, payment) });
}
