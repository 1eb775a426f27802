import { CONTEXT_HEADER } from './api.client.ts';
import { readContextKey } from './context.storage.ts';
import { downloadHref } from './download.href.ts';

/* Loaded on first use through download.ts, not with the pages that offer downloads. */

/**
 * Downloads a file as the membership the user acts as (the header a plain link cannot send),
 * then hands it to the browser under its name.
 */
export async function downloadFile(fileId: string, name: string): Promise<void> {
  const headers: Record<string, string> = {};
  const context = readContextKey();
  if (context) headers[CONTEXT_HEADER] = context;
  const response = await fetch(downloadHref(fileId), { headers, credentials: 'same-origin' });
  if (!response.ok)
    throw new Error(
      response.status === 404
        ? 'This file was not found, or you no longer have access to it.'
        : `The download failed (HTTP ${response.status}).`,
    );
  saveBlob(await response.blob(), name);
}

/** How far a download got: bytes so far, and the total when the server said it (streamed exports don't know it). */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/** Hands a downloaded file to the browser under its name. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
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

/** The file name the server gave in Content-Disposition, or the fallback. */
export function attachmentNameOf(header: string | null, fallback: string): string {
  const match = header?.match(/filename="([^"]+)"/);
  return match?.[1] ?? fallback;
}

/** The problem's message from a failed export (problem+json), or a sentence about the status. */
async function failureOf(response: Response): Promise<Error> {
  if (response.status === 404) return new Error('Nothing was found to export, or you no longer have access to it.');
  try {
    const problem = (await response.json()) as { detail?: string };
    if (problem.detail) return new Error(problem.detail);
  } catch {
    // not JSON: fall through to the status
  }
  return new Error(`The download failed (HTTP ${response.status}).`);
}

/**
 * Downloads an export (a CSV or PDF the server generates, possibly streamed for a long time) as
 * the membership the user acts as, reporting progress as the bytes arrive, then hands it to the
 * browser under the server's file name. Abort with the signal.
 */
export async function downloadExport(
  url: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<string> {
  const headers: Record<string, string> = {};
  const context = readContextKey();
  if (context) headers[CONTEXT_HEADER] = context;
  const response = await fetch(url, { headers, credentials: 'same-origin', signal });
  if (!response.ok) throw await failureOf(response);
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      received += value.byteLength;
      onProgress({ received, total });
    }
  }
  const name = attachmentNameOf(response.headers.get('content-disposition'), fallbackName);
  saveBlob(new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' }), name);
  return name;
}
