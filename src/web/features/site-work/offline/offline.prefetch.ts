import { api, CONTEXT_HEADER, dataOf } from '../../../lib/api.client.ts';
import { readContextKey } from '../../../lib/context.storage.ts';
import { downloadHref } from '../../../lib/download.href.ts';

/** Enough for a day or two on the road; documents bigger than this are left to be opened online. */
const MAX_JOBS = 30;
const MAX_DOCUMENT_BYTES = 15 * 1024 * 1024;

/**
 * The page the technician opened comes first: read as it rendered, the jobs were 60 requests and,
 * in Chromium slowed 4× like a phone, ~0.4 s of the main thread in the page's first seconds. The
 * reading starts this long after, one job per quiet moment.
 */
const START_AFTER_MS = 5_000;

/** Resolves in the browser's next quiet moment (a second at most; at once where there is no such API). */
function quietMoment(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1_000 });
    else setTimeout(resolve, 0);
  });
}

/**
 * Waits for the worker to take over this page (on the first visit it does so once it is active,
 * which on a busy phone can take a while), or for the page to stop wanting it.
 */
function controlled(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (navigator.serviceWorker.controller || signal.aborted) return resolve();
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Reads the technician's jobs (today's and upcoming), each job's page, site sheet and documents
 * once, while there is a connection, so the service worker keeps them for when there is none:
 * a few seconds after the page opened, one job per quiet moment. Best effort: whatever fails is
 * simply not kept.
 */
export async function keepJobsOffline(signal: AbortSignal): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  await navigator.serviceWorker.ready;
  await controlled(signal);
  if (!navigator.serviceWorker.controller || signal.aborted) return;
  await new Promise((resolve) => setTimeout(resolve, START_AFTER_MS));
  await quietMoment();
  if (signal.aborted || !navigator.onLine) return;
  // Who is signed in, asked before the worker took over the page: read again so it is kept too.
  await dataOf(api.GET('/api/me', { signal })).catch(() => null);
  const lists = await Promise.all(
    (['today', 'upcoming'] as const).map((when) =>
      dataOf(api.GET('/api/my-jobs', { params: { query: { when, limit: MAX_JOBS } }, signal })).catch(() => ({ items: [] })),
    ),
  );
  const headers: Record<string, string> = {};
  const context = readContextKey();
  if (context) headers[CONTEXT_HEADER] = context;
  for (const job of lists.flatMap((l) => l.items).slice(0, MAX_JOBS)) {
    await quietMoment();
    if (signal.aborted) return;
    const path = { params: { path: { id: job.id } }, signal };
    const [detail] = await Promise.all([
      dataOf(api.GET('/api/my-jobs/{id}', path)).catch(() => null),
      dataOf(api.GET('/api/jobs/{id}/site', path)).catch(() => null),
    ]);
    for (const doc of detail?.documents ?? []) {
      if (doc.size > MAX_DOCUMENT_BYTES) continue;
      await fetch(downloadHref(doc.id), { headers, credentials: 'same-origin', signal })
        .then((r) => r.arrayBuffer())
        .catch(() => null);
    }
  }
}
