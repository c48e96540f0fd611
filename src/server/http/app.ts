import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config/config.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { createServices, registerFeatureRoutes } from '../features/index.ts';
import { installAuth } from './auth.ts';
import { installErrorHandler, sendRouteNotFound } from './error-handler.ts';
import type { Api } from './types.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  clock: Clock;
  logger?: boolean;
}

/** Builds the HTTP application: API under /api/v1, its OpenAPI document, and the web app. */
export async function buildApp({ config, db, clock, logger = false }: AppOptions) {
  const app = Fastify({
    logger: logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>() as Api;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, config.locale);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Lantern 项目绩效管理平台 API',
        version: '1',
        description:
          'Errors: { error: { code, message, field? } }; messages follow Accept-Language (zh-CN default, en).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lantern_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const services = createServices(db, config, clock);
  installAuth(app, services.sessions);
  registerFeatureRoutes(app, services, config);
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/api/v1/health', { schema: { hide: true } }, () => ({ ok: true, database: db.dialect }));

  const webDir = config.webDir && path.resolve(config.webDir);
  const hasWeb = !!webDir && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false });
  // The web app routes in the browser: any non-API path that is not a file gets index.html.
  app.setNotFoundHandler((request, reply) =>
    hasWeb && !request.url.startsWith('/api/')
      ? reply.type('text/html; charset=utf-8').sendFile('index.html')
      : sendRouteNotFound(request, reply, config.locale),
  );
  return { app, services };
}
