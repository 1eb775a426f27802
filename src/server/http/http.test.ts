import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errors.plugin.ts';
import { createTestApp, getTestApp, type TestApp } from '../test/test-app.ts';
import { clientFor, createWorld, type World } from '../test/world.ts';

describe('http edge', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await getTestApp();
    w = await createWorld(t);
  });

  it('answers /health and /ready', async () => {
    expect((await t.app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/ready' })).json()).toMatchObject({ status: 'ready' });
  });

  it('puts a request id on every response and security headers on every page', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('answers unknown API routes and signed-out calls with problem+json', async () => {
    const missing = await t.app.inject({ url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const anon = await t.app.inject({ url: '/api/engagements' });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('serves the OpenAPI document with every API route in it', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const route of t.app.porticoRoutes.filter((r) => r.auth === 'session')) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref], `dangling $ref ${ref}`).toBeDefined();
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('refuses a malformed query value with 400 naming it', async () => {
    const res = await clientFor(t, w.aOwner).get('/api/audit-events?limit=not-a-number');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fieldErrors[0].path).toBe('querystring.limit');
  });

  it('never shows a stack trace: an unexpected error is a bare 500 with the request id', async () => {
    const app = Fastify({ logger: false });
    registerErrorHandler(app);
    app.get('/boom', async () => {
      throw new Error('secret internal detail at /srv/app/thing.ts:12');
    });
    const res = await app.inject({ url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', requestId: expect.any(String) });
    expect(res.body).not.toContain('secret internal detail');
    const unique = Fastify({ logger: false });
    registerErrorHandler(unique);
    unique.get('/dup', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint "users_email_unique"'), { code: '23505' });
    });
    const dup = await unique.inject({ url: '/dup' });
    expect(dup.statusCode).toBe(409);
    expect(dup.body).not.toContain('users_email_unique');
  });
});

describe('the dev mailbox', () => {
  it('answers only this machine, and does not exist with real email or in production', async () => {
    const t = await getTestApp();
    expect((await t.app.inject({ url: '/api/dev/mailbox', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/dev/mailbox', remoteAddress: '10.1.2.3' })).statusCode).toBe(404);
    const variants: Array<Record<string, string>> = [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, { NODE_ENV: 'production' }];
    for (const overrides of variants) {
      const other = await createTestApp(overrides);
      try {
        expect(other.app.porticoRoutes.some((r) => r.url === '/api/dev/mailbox')).toBe(false);
        expect((await other.app.inject({ url: '/api/dev/mailbox' })).statusCode).toBe(404);
      } finally {
        await other.app.close();
        await other.database.close();
      }
    }
  });
});
