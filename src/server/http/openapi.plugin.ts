import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { documentIdempotency } from './idempotency.plugin.ts';
import { documentVersioning } from './versions.plugin.ts';

/**
 * swagger-ui's own files (its page, scripts, styles and logo), found through Node's resolution
 * rather than beside its code: the plugin is bundled into the server (loading it and its own copy
 * of @fastify/static from node_modules took ~0.2 s of every start), its files stay in the package.
 */
const swaggerUiFiles = path.join(path.dirname(createRequire(import.meta.url).resolve('@fastify/swagger-ui/package.json')), 'static');

/** The OpenAPI document, generated from the routes' Zod schemas, at /api/openapi.json; a UI at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Portico API',
        version: '0.1.0',
        description:
          'Self-hosted contractor portal. Session routes need the session cookie; send `x-portico-context` to choose the membership a request acts as. Errors are application/problem+json with a stable `code`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'portico.session_token' } } },
    },
    transform: (input) => {
      const transformed = jsonSchemaTransform(input);
      const result = {
        ...transformed,
        schema: documentIdempotency(
          documentVersioning(transformed.schema as Record<string, unknown>, input.route.config?.versioned),
          input.route.config?.idempotent,
        ),
      };
      const auth = input.route.config?.auth;
      return auth === 'session' ? { ...result, schema: { ...result.schema, security: [{ session: [] }] } } : result;
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), auth: 'public' };
    });
    const logo = { type: 'image/svg+xml', content: await readFile(path.join(swaggerUiFiles, 'logo.svg')) };
    await scope.register(swaggerUi, { routePrefix: '/api/docs', baseDir: swaggerUiFiles, logo });
  });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
