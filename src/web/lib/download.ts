import { CONTEXT_HEADER } from './api.client.ts';
import { readContextKey } from './context.storage.ts';

/** Where a stored file downloads from (a plain link works when the browser has one membership). */
export function downloadHref(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}/download`;
}

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
