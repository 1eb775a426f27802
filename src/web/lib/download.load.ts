/*
 * What a page that offers downloads loads with it: the link to a stored file, and the loader of
 * the download functions (download.ts: the fetch as the acting membership, progress, saving),
 * which are fetched when a download is asked for rather than with every page that shows one.
 */

/** Where a stored file downloads from (a plain link works when the browser has one membership). */
export function downloadHref(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}/download`;
}

/** The download functions of download.ts, loaded on first use. */
export function loadDownloads() {
  return import('./download.ts');
}
