/**
 * The download functions of download.ts (the fetch as the acting membership, progress, saving),
 * loaded when a download is asked for rather than with every page that offers one.
 */
export function loadDownloads() {
  return import('./download.ts');
}
