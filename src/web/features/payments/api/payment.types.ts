import type { ApiData } from '../../../lib/api.client.ts';

export type PaymentPage = ApiData<'/api/payments', 'get'>;
export type Payment = PaymentPage['items'][number];
export type PaymentDetail = ApiData<'/api/payments/{id}', 'get'>;
export type PaymentTotals = ApiData<'/api/payments/totals', 'get'>;
export type PaymentBatchResult = ApiData<'/api/payments/batches', 'post'>;
export type FourEyes = ApiData<'/api/payments/four-eyes', 'get'>;
