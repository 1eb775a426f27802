import type { PaymentStatus } from '../../../../shared/domain/payment.machine.ts';
import { queryRoots } from '../../../lib/query.roots.ts';

export interface PaymentFilters {
  status?: PaymentStatus;
  contractorId?: string;
  currency?: string;
  from?: string;
  to?: string;
}

export const paymentKeys = {
  all: queryRoots.payments,
  list: (filters: PaymentFilters) => [...queryRoots.payments, 'list', filters] as const,
  totals: (filters: Omit<PaymentFilters, 'status'>) => [...queryRoots.payments, 'totals', filters] as const,
  detail: (id: string) => [...queryRoots.payments, 'detail', id] as const,
  fourEyes: [...queryRoots.payments, 'four-eyes'] as const,
};
