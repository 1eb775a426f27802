import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PaymentMethod } from '../../../../shared/domain/payment.rules.ts';
import { api, dataOf } from '../../../lib/api.client.ts';
import { refreshPayments } from './payment.cache.ts';

export interface SendFields {
  method: PaymentMethod;
  sentOn: string;
  expectedOn?: string;
}

/** Send one draft with its evidence. */
export function sendPayment({
  id,
  idempotencyKey,
  ...body
}: SendFields & { id: string; amountMinor: number; reference: string; proofFileId?: string; idempotencyKey: string }) {
  return dataOf(api.POST('/api/payments/{id}/send', { params: { path: { id }, header: { 'idempotency-key': idempotencyKey } }, body }));
}

export function useSendPayment() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendPayment, onSuccess: (payment) => refreshPayments(queryClient, payment) });
}

export interface BatchItem {
  paymentId: string;
  amountMinor: number;
  reference: string;
  proofFileId?: string;
}

/** Send many drafts as one batch: all or none. */
export function sendBatch({ idempotencyKey, ...body }: SendFields & { proofFileId?: string; items: BatchItem[]; idempotencyKey: string }) {
  return dataOf(api.POST('/api/payments/batches', { params: { header: { 'idempotency-key': idempotencyKey } }, body }));
}

export function useSendBatch() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: sendBatch, onSuccess: () => refreshPayments(queryClient) });
}
