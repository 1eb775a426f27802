import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface InFlightRequest {
  method: string;
  url: string;
  ms: number;
}

/** Keeps the requests being served, so a forced shutdown can say what it cut. */
export function registerInFlightTracking(app: FastifyInstance): () => InFlightRequest[] {
  const open = new Map<FastifyRequest, number>();
  app.addHook('onRequest', async (request) => {
    open.set(request, performance.now());
  });
  const done = async (request: FastifyRequest) => {
    open.delete(request);
  };
  app.addHook('onResponse', done);
  app.addHook('onRequestAbort', done);
  return () =>
    [...open].map(([request, started]) => ({
      method: request.method,
      url: request.url.split('?')[0] ?? request.url,
      ms: Math.round(performance.now() - started),
    }));
}
