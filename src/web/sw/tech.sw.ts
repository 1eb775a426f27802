/**
 * The tech view's service worker (built by scripts/tech-sw.vite.ts into /tech-sw.js, registered
 * with scope /tech by features/site-work/offline/register-worker.ts, so no other page has one).
 * - The app shell and the tech view's chunks are cached at install (the list is written in by the
 *   build), other hashed assets as they are used: the tech view opens without a connection.
 * - Pages (navigations): the network, else the cached index.html.
 * - The technician's reads (me, my jobs, a job, its tasks, its documents): the network, else the
 *   last answer kept. Writes are never cached: the page queues them (offline.queue.ts).
 * - Signing out empties the kept answers.
 * It imports nothing (it runs outside the app), and has no types from the WebWorker library, which
 * would clash with the DOM's in one tsconfig: the few it uses are declared here.
 */

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
}

declare const __PRECACHE__: string[];
declare const __VERSION__: string;

const scope = self as unknown as WorkerScope;
const SHELL_CACHE = `portico-tech-shell-${__VERSION__}`;
const DATA_CACHE = 'portico-tech-data';
const INDEX = '/index.html';

/** The reads a technician needs on site, kept for when the connection drops. */
const KEPT_READS = [
  /^\/api\/me$/,
  /^\/api\/my-jobs(\/|$)/,
  /^\/api\/files\/[^/]+\/download$/,
  /^\/api\/jobs\/[^/]+\/(site|photos\/[^/]+)$/,
  /^\/api\/preferences$/,
];

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll([INDEX, ...__PRECACHE__]))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('portico-tech-shell-') && n !== SHELL_CACHE).map((n) => caches.delete(n))),
      )
      .then(() => scope.clients.claim()),
  );
});

async function networkElse(request: Request, cacheName: string, fallback?: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && !fallback) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(fallback ?? request, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

async function cacheElse(request: Request): Promise<Response> {
  const kept = await caches.match(request, { ignoreVary: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL_CACHE)).put(request, response.clone());
  return response;
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/auth/sign-out') {
    event.waitUntil(caches.delete(DATA_CACHE));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(networkElse(request, SHELL_CACHE, INDEX));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheElse(request));
  else if (KEPT_READS.some((pattern) => pattern.test(url.pathname))) event.respondWith(networkElse(request, DATA_CACHE));
});
