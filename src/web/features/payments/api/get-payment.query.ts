import { useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../../../lib/api.client.ts';
import { paymentKeys } from './payment.keys.ts';
import type { PaymentDetail } from './payment.types.ts';

/** One payment: amount, method, reference, proof, dates, the dispute's notes, its adjustments. */
export function getPayment(id: string, signal?: AbortSignal): Promise<PaymentDetail> {
  return dataOf(api.GET('/api/payments/{id}', { params: { path: { id } }, signal }));
}

export function usePayment(id: string) {
  return useQuery({ queryKey: paymentKeys.detail(id), queryFn: ({ signal }) => getPayment(id, signal) });
}
