import { type PaymentStatus, paymentStatuses } from '../../shared/domain/payment.machine.ts';

export interface PaymentSearch {
  status?: PaymentStatus;
  contractorId?: string;
  currency?: string;
  from?: string;
  to?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;
const currency = /^[A-Z]{3}$/;

function pick(value: unknown, pattern: RegExp): string | undefined {
  return typeof value === 'string' && pattern.test(value) ? value : undefined;
}

/** The payments list's tab and filters, read from the URL: anything unknown is dropped. */
export function validatePaymentSearch(search: Record<string, unknown>): PaymentSearch {
  return {
    status: paymentStatuses.find((s) => s === search.status),
    contractorId: pick(search.contractorId, uuid),
    currency: pick(search.currency, currency),
    from: pick(search.from, day),
    to: pick(search.to, day),
  };
}
