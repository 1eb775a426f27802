import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSignInPath } from '../../shared/sign-in.path.ts';
import { projectPath } from '../lib/paths.ts';
import { APP_HTML, APP_PAGES, appPageOf } from './app-html.ts';

export const webRoot = projectPath('dist/web');

/** Files under /assets/ carry a content hash in their name: a new build gives new names. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated with its ETag on every use. */
export const REVALIDATE_CACHE = 'no-cache';

function cacheHeader(value: string) {
  return (reply: FastifyReply): void => {
    reply.header('cache-control', value);
  };
}

/**
 * Serves the built React app; unknown non-API paths get the app's page (app.html, index.html with
 * the signed-in app's code preloaded; tech-job.html for a technician's job: http/app-html.ts) so
 * the router can take them, and /sign-in gets index.html.
 * The build writes .br and .gz copies beside each text file (vite.config.ts), sent as they are to
 * browsers that accept them; hashed assets are cached for a year, index.html is revalidated.
 */
export async function registerStaticWeb(app: FastifyInstance, root = webRoot): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) {
    app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain').send('The web app is not built. Run `npm run build` (npm start does it for you).'),
    );
    return;
  }
  // The page for an address, from the pages this build has: the address's own page, else app.html,
  // else index.html (a build from before tech-job.html or app.html: the same app, fewer preloads).
  const built = new Set(APP_PAGES.map((page) => page.file).filter((file) => existsSync(path.join(root, file))));
  const pageFor = (url: string): string => [appPageOf(url).file, APP_HTML].find((file) => built.has(file)) ?? 'index.html';
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), auth: 'public' };
      route.schema = { ...(route.schema ?? {}), hide: true };
    });
    const common = { preCompressed: true, cacheControl: false, etag: true, lastModified: true } as const;
    // The few files at the top (index.html, the manifest, icons, the service worker): a route each.
    await scope.register(fastifyStatic, {
      ...common,
      root,
      wildcard: false,
      globIgnore: ['assets/**'],
      index: [pageFor('/')],
      setHeaders: cacheHeader(REVALIDATE_CACHE),
    });
    // The hashed assets (hundreds, with their .br and .gz copies): one route for all of them, not
    // one per file, which cost a quarter of a second at every start.
    await scope.register(fastifyStatic, {
      ...common,
      root: path.join(root, 'assets'),
      prefix: '/assets/',
      wildcard: true,
      decorateReply: false,
      setHeaders: cacheHeader(IMMUTABLE_CACHE),
    });
    scope.get('/*', async (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (url.startsWith('/api/') || url === '/health' || url === '/ready') return reply.callNotFound();
      if (/\.[a-z0-9]+$/i.test(url)) return reply.callNotFound();
      return reply.sendFile(isSignInPath(url) ? 'index.html' : pageFor(url));
    });
  });
}
