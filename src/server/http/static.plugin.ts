import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webRoot = path.resolve(import.meta.dirname, '../../../dist/web');

/** Serves the built React app; unknown non-API paths get index.html so the router can take them. */
export async function registerStaticWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/plain').send('The web app is not built. Run `npm run build` (npm start does it for you).'),
    );
    return;
  }
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), auth: 'public' };
      route.schema = { ...(route.schema ?? {}), hide: true };
    });
    await scope.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'], maxAge: '1h', immutable: false });
    scope.get('/*', async (request, reply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (url.startsWith('/api/') || url === '/health' || url === '/ready') return reply.callNotFound();
      if (/\.[a-z0-9]+$/i.test(url)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  });
}
