import type * as Downloads from './download.fetch.ts';

/*
 * What pages call to download: the fetch as the acting membership, progress and saving
 * (download.fetch.ts) load on the first download rather than with every page that offers one.
 * Plain links use downloadHref (download.href.ts).
 */

export type { DownloadProgress } from './download.fetch.ts';

const loadDownloads = () => import('./download.fetch.ts');

export const downloadFile: typeof Downloads.downloadFile = async (...args) => (await loadDownloads()).downloadFile(...args);

export const downloadExport: typeof Downloads.downloadExport = async (...args) => (await loadDownloads()).downloadExport(...args);
