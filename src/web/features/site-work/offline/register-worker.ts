/**
 * Registers the tech view's service worker (scope /tech: no other page gets one) and links its
 * web manifest, so a technician can add Portico to the home screen. Only in a built app: the dev
 * server has no /tech-sw.js.
 */
export function registerTechWorker(): void {
  if (!document.querySelector('link[rel="manifest"]')) {
    const link = document.createElement('link');
    link.rel = 'manifest';
    link.href = '/tech.webmanifest';
    document.head.append(link);
  }
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/tech-sw.js', { scope: '/tech' }).catch(() => {
    // Without a worker the tech view still works online; the offline queue (IndexedDB) works regardless.
  });
}
