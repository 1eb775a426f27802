import type { QueryClient } from '@tanstack/react-query';
import { queryRoots } from '../../../lib/query.roots.ts';
import { paymentKeys } from './payment.keys.ts';
import type { PaymentDetail } from './payment.types.ts';

/** After a change to payments: the fresh copy in place; lists, totals, milestones (paid) and Home refetched. */
export function refreshPayments(queryClient: QueryClient, payment?: PaymentDetail): void {
  if (payment) queryClient.setQueryData(paymentKeys.detail(payment.id), payment);
  void queryClient.invalidateQueries({
    queryKey: paymentKeys.all,
    predicate: ({ queryKey }) => !(payment && queryKey[1] === 'detail' && queryKey[2] === payment.id),
  });
  void queryClient.invalidateQueries({ queryKey: queryRoots.milestones });
  void queryClient.invalidateQueries({ queryKey: queryRoots.home });
}

/** A fresh Idempotency-Key: one per thing the person means to do, reused when they retry it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
