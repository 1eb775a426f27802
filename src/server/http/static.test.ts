import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressFile } from './precompress.ts';
import { COMPRESS_THRESHOLD_BYTES, registerCompression } from './compress.plugin.ts';
import { APP_HTML } from './app-html.ts';
import { IMMUTABLE_CACHE, REVALIDATE_CACHE, registerStaticWeb } from './static.plugin.ts';
import { getTestApp, type TestApp } from '../test/test-app.ts';

const TECH_JOB_HTML = 'tech-job.html';

const page = (head: string) =>
  `<!doctype html><html lang="en"><head><title>Portico</title>${head}</head><body>${'<div></div>'.repeat(200)}</body></html>`;
/** What app.html adds to index.html: the signed-in app's code, preloaded. */
const APP_PRELOAD = '<link rel="modulepreload" crossorigin href="/assets/app.boot-Zz9.js">';
/** What tech-job.html adds to app.html: the technician's job page, preloaded. */
const TECH_JOB_PRELOAD = '<link rel="modulepreload" crossorigin href="/assets/tech-job.parts-Yy8.js">';

/** A build in miniature: index.html, app.html, tech-job.html and a hashed script, each with the .br/.gz copies the build writes. */
function writeBuild(root: string): { script: string } {
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  const script = `export const rows = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: i, name: `row ${i}` })))};\n`;
  writeFileSync(path.join(root, 'index.html'), page(''));
  writeFileSync(path.join(root, APP_HTML), page(APP_PRELOAD));
  writeFileSync(path.join(root, TECH_JOB_HTML), page(APP_PRELOAD + TECH_JOB_PRELOAD));
  writeFileSync(path.join(root, 'assets', 'index-AbC123xy.js'), script);
  return { script };
}

describe('static files: compression and caching', () => {
  let root: string;
  let app: FastifyInstance;
  let script: string;
  const rows = Array.from({ length: 200 }, (_, i) => ({ id: `id-${i}`, title: `Contract ${i}`, status: 'active' }));

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'portico-static-'));
    ({ script } = writeBuild(root));
    await compressFile(path.join(root, 'index.html'));
    await compressFile(path.join(root, APP_HTML));
    await compressFile(path.join(root, TECH_JOB_HTML));
    await compressFile(path.join(root, 'assets', 'index-AbC123xy.js'));
    app = Fastify({ logger: false });
    await registerCompression(app);
    app.get('/api/rows', async () => ({ items: rows }));
    app.get('/api/tiny', async () => ({ ok: true }));
    app.post('/api/echo', async (request) => ({ received: request.body }));
    await registerStaticWeb(app, root);
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the brotli copy of a hashed script, cached for a year as immutable', async () => {
    const res = await app.inject({ url: '/assets/index-AbC123xy.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(res.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(script.length / 3);
  });

  it('sends gzip to a client without brotli, and the plain file to one that asks for neither', async () => {
    const gz = await app.inject({ url: '/assets/index-AbC123xy.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({ url: '/assets/index-AbC123xy.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE_CACHE);
  });

  it('answers 404 for an asset that is not there, and never serves a file outside the build', async () => {
    const missing = await app.inject({ url: '/assets/gone-ZZ999.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain('<title>Portico</title>');
    for (const url of ['/assets/../index.html', '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await app.inject({ url });
      expect(res.body, url).not.toContain('"name"');
      if (res.statusCode === 200) expect(res.headers['cache-control'], url).toBe(REVALIDATE_CACHE);
    }
  });

  it('has index.html revalidated on every use, and answers 304 to its ETag', async () => {
    for (const url of ['/', '/sign-in', '/app/contracts/123']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe(REVALIDATE_CACHE);
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('<title>Portico</title>');
    }
    const first = await app.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.inject({ url: '/', headers: { 'accept-encoding': 'br', 'if-none-match': String(etag) } });
    expect(again.statusCode).toBe(304);
  });

  it("gives /sign-in index.html (React and the page, nothing of the app) and every other page app.html (the app's code preloaded)", async () => {
    const bodyOf = async (url: string) =>
      brotliDecompressSync((await app.inject({ url, headers: { 'accept-encoding': 'br' } })).rawPayload).toString();
    for (const url of ['/sign-in', '/sign-in/', '/sign-in?redirect=%2Fapp%2Fhome'])
      expect(await bodyOf(url), url).not.toContain(APP_PRELOAD);
    for (const url of [
      '/',
      '/app/contractors',
      '/tech/jobs',
      '/tech/jobs/abc/photos',
      '/portal/home',
      '/magic-link?token=x',
      '/sign-in-help',
    ]) {
      const body = await bodyOf(url);
      expect(body, url).toContain(APP_PRELOAD);
      expect(body, url).not.toContain(TECH_JOB_PRELOAD);
    }
    for (const url of ['/tech/jobs/abc', '/tech/jobs/abc/', '/tech/jobs/abc?tab=site'])
      expect(await bodyOf(url), url).toContain(APP_PRELOAD + TECH_JOB_PRELOAD);
  });

  /** Serves a build that lacks `missing` (a build from before that page existed) to `check`. */
  async function withOldBuild(missing: string, check: (server: FastifyInstance) => Promise<void>): Promise<void> {
    const old = mkdtempSync(path.join(tmpdir(), 'portico-static-old-'));
    writeBuild(old);
    rmSync(path.join(old, missing));
    const server = Fastify({ logger: false });
    await registerStaticWeb(server, old);
    try {
      await check(server);
    } finally {
      await server.close();
      rmSync(old, { recursive: true, force: true });
    }
  }

  it("serves app.html for a technician's job from a build that has no tech-job.html", async () => {
    await withOldBuild(TECH_JOB_HTML, async (server) => {
      const res = await server.inject({ url: '/tech/jobs/abc' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(APP_PRELOAD);
      expect(res.body).not.toContain(TECH_JOB_PRELOAD);
    });
  });

  it('serves index.html everywhere from a build that has no app.html', async () => {
    await withOldBuild(APP_HTML, async (server) => {
      for (const url of ['/', '/app/contractors', '/sign-in']) {
        const res = await server.inject({ url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain('<title>Portico</title>');
        expect(res.body, url).not.toContain(APP_PRELOAD);
      }
    });
  });

  it('compresses API JSON above the threshold and leaves small answers alone', async () => {
    const res = await app.inject({ url: '/api/rows', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toEqual({ items: rows });
    const gz = await app.inject({ url: '/api/rows', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const tiny = await app.inject({ url: '/api/tiny', headers: { 'accept-encoding': 'br' } });
    expect(JSON.stringify(tiny.json()).length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(tiny.headers['content-encoding']).toBeUndefined();
  });

  it('does not decompress request bodies', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: gzipSync('{"a":1}'),
    });
    expect(res.statusCode).toBe(400);
    const plain = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":1}',
    });
    expect(plain.json()).toEqual({ received: { a: 1 } });
  });
});

describe('the real app compresses API answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await getTestApp();
  });

  it('answers a large JSON document with brotli when asked', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString()).openapi).toBe('3.1.0');
  });
});
