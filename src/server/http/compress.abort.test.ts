import http from 'node:http';
import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../lib/logger.ts';
import { waitFor } from '../test/wait.ts';
import { registerCompression } from './compress.plugin.ts';

/**
 * A client that goes away while a compressed answer streams (a page left mid-load) is not a
 * server error: @fastify/compress reports it as one, the logger writes it at info.
 */
describe('a client gone during a compressed answer', () => {
  const lines: Array<{ level: number; msg: string; err?: { message: string } }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  const app = Fastify({ loggerInstance: createLogger('info', sink) as FastifyBaseLogger });
  let port = 0;

  beforeAll(async () => {
    await registerCompression(app);
    // Several MB of JSON that compresses slowly enough to be cut short.
    const big = Array.from({ length: 60_000 }, (_, i) => ({ i, text: `${Math.random().toString(36)} ${i * 7919}` }));
    app.get('/big', async () => big);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await app.close();
  });

  it('is logged at info, not as an error', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/big', headers: { 'accept-encoding': 'gzip' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('gzip');
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
    });
    const gone = await waitFor(() => lines.find((l) => l.err?.message === 'premature close'), {
      message: 'the log line of the client gone',
    });
    expect(gone).toMatchObject({ level: 30, msg: 'the client closed the connection before the response ended' });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
