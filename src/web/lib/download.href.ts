/** Where a stored file downloads from (a plain link works when the browser has one membership). */
export function downloadHref(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}/download`;
}
