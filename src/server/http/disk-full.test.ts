import type { Readable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Storage } from '../lib/storage.ts';
import type { StatFs } from '../modules/health/health.routes.ts';
import { getTestApp, type TestApp } from '../test/test-app.ts';
import { clientFor, createWorld, type World } from '../test/world.ts';
import { registerErrorHandler } from './errors.plugin.ts';

/** The disk as the operating system reports it when full: every write fails with ENOSPC. */
function fullDisk(real: Storage): Storage {
  return {
    ...real,
    async put(stream: Readable) {
      stream.resume();
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
  };
}

function uploadBody(content: string) {
  const boundary = '----portico-disk-full';
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('a full disk is a clear 507, and /ready says so', () => {
  let t: TestApp;
  let w: World;
  let full: Awaited<ReturnType<typeof buildApp>>;
  let freeBytes = 50 * 1024 * 1024;
  const statfs: StatFs = async () => ({ bavail: freeBytes / 4096, bsize: 4096 });
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
    full = await buildApp({ config: t.config, database: t.database, storage: fullDisk(t.storage), logger: false, statfs });
  }, 240_000);
  afterAll(async () => {
    await full.app.close();
  });

  it('answers an upload onto a full disk with 507 STORAGE_FULL', async () => {
    const res = await clientFor({ ...t, app: full.app, auth: full.auth }, w.aOwner).request(
      'POST',
      '/api/files',
      undefined,
      uploadBody('hello there'),
    );
    expect(res.statusCode, res.body).toBe(507);
    expect(res.json()).toMatchObject({ code: 'STORAGE_FULL', status: 507 });
    expect(res.json().detail).toMatch(/out of disk space/);
  });

  it('answers PostgreSQL and PGlite disk-full errors with 507 STORAGE_FULL', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.get('/pg', async () => {
      throw Object.assign(new Error('could not extend file "base/16384/16402": No space left on device'), { code: '53100' });
    });
    app.get('/wrapped', async () => {
      throw new Error('Failed query: insert into "files" ...', {
        cause: new Error('could not extend file "base/5/1259": wrote only 4096 of 8192 bytes'),
      });
    });
    for (const url of ['/pg', '/wrapped']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(507);
      expect(res.json().code).toBe('STORAGE_FULL');
    }
  });

  it('is not ready when the data directory has less free space than READY_MIN_FREE_MB', async () => {
    freeBytes = 500 * 1024 * 1024;
    const ready = await full.app.inject({ url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', diskFreeMb: 500 });
    freeBytes = 40 * 1024 * 1024;
    const low = await full.app.inject({ url: '/ready' });
    expect(low.statusCode).toBe(503);
    expect(low.json()).toMatchObject({ code: 'NOT_READY', details: { freeMb: 40, minFreeMb: 100 } });
    expect(low.json().detail).toMatch(/Low disk space: 40 MB free/);
    expect((await full.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('reads the real disk by default', async () => {
    const res = await t.app.inject({ url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().diskFreeMb).toBeGreaterThan(0);
  });
});
