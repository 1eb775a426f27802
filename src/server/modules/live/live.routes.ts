import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LIVE_EVENTS_PATH } from '../../../shared/domain/live.events.ts';
import type { Database } from '../../db/client.ts';
import { contextOf } from '../../http/route-auth.plugin.ts';
import { LiveService } from './live.service.ts';

const eventId = z
  .string()
  .regex(/^\d{1,15}$/, 'an event id (digits)')
  .transform(Number);

export interface LiveRouteDeps {
  database: Database;
  heartbeatMs?: number;
}

/** `GET /api/events`: the signed-in person's live updates as Server-Sent Events (see live.service.ts). */
export function registerLiveRoutes(app: FastifyInstance, deps: LiveRouteDeps): LiveService {
  const service = new LiveService(app, { ...deps, onError: (error) => app.log.warn({ err: error }, 'live updates: a delivery failed') });
  app.addHook('onReady', async () => service.begin());
  // Before the server waits for open connections to end: streams never end on their own.
  app.addHook('preClose', async () => service.end());

  app.withTypeProvider<ZodTypeProvider>().get(
    LIVE_EVENTS_PATH,
    {
      config: { auth: 'session', allowBeforeTwoFactor: true },
      schema: {
        tags: ['live'],
        summary:
          'Live updates (Server-Sent Events): each event names a kind and a subject (ids only), its id is the `id:` to resume from; `event: reset` means refetch everything',
        description:
          'On reconnect the browser sends Last-Event-ID and receives what it missed (up to 24 hours, 1,000 events; else a reset). `since` does the same for a first connection. A heartbeat comment every 20 seconds; the stream closes when the session ends.',
        querystring: z.object({ since: eventId.optional() }).strict(),
        headers: z.object({ 'last-event-id': eventId.optional() }),
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const since = request.headers['last-event-id'] ?? request.query.since;
      await service.open(request, reply, since as number | undefined, ctx.user.id, ctx.user.twoFactorEnabled);
    },
  );
  return service;
}
