import { CONTEXT_HEADER } from '../../../lib/api.client.ts';
import type { paths } from '../../../lib/api.types.ts';
import { readContextKey } from '../../../lib/context.storage.ts';
import { attachmentNameOf, saveBlob } from '../../../lib/download.fetch.ts';

const CSV_PATH = '/api/payments/batches/{id}/csv' satisfies keyof paths;

/** Downloads a sent batch as CSV (payee, amount, currency, reference) for the bank's bulk upload. */
export async function downloadBatchCsv(batchId: string): Promise<void> {
  const headers: Record<string, string> = {};
  const context = readContextKey();
  if (context) headers[CONTEXT_HEADER] = context;
  const response = await fetch(CSV_PATH.replace('{id}', encodeURIComponent(batchId)), { headers, credentials: 'same-origin' });
  if (!response.ok)
    throw new Error(response.status === 404 ? 'This batch was not found.' : `The download failed (HTTP ${response.status}).`);
  saveBlob(await response.blob(), attachmentNameOf(response.headers.get('content-disposition'), 'payment-batch.csv'));
}
