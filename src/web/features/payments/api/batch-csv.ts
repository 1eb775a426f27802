import { CONTEXT_HEADER } from '../../../lib/api.client.ts';
import type { paths } from '../../../lib/api.types.ts';
import { readContextKey } from '../../../lib/context.storage.ts';

const CSV_PATH = '/api/payments/batches/{id}/csv' satisfies keyof paths;

/** Downloads a sent batch as CSV (payee, amount, currency, reference) for the bank's bulk upload. */
export async function downloadBatchCsv(batchId: string): Promise<void> {
  const headers: Record<string, string> = {};
  const context = readContextKey();
  if (context) headers[CONTEXT_HEADER] = context;
  const response = await fetch(CSV_PATH.replace('{id}', encodeURIComponent(batchId)), { headers, credentials: 'same-origin' });
  if (!response.ok)
    throw new Error(response.status === 404 ? 'This batch was not found.' : `The download failed (HTTP ${response.status}).`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'payment-batch.csv';
  const url = URL.createObjectURL(await response.blob());
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = name;
    anchor.rel = 'noopener';
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
