import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
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
import { installApiCacheHeaders } from './api-cache.ts';
import { installAuth } from './auth.ts';
import { installCompression } from './compression.ts';
import { installInputGuard } from './input-guard.ts';
import { handleClientError, installErrorHandler, sendFrameworkError, sendRouteNotFound } from './error-handler.ts';
import { registerWebFiles } from './static-files.ts';
import type { Api } from './types.ts';

export interface AppOptions {
  config: Config;
  db: Db;
  clock: Clock;
  logger?: boolean;
}

/**
 * Security headers on every response (helmet): a CSP that allows no inline or foreign script (the
 * styles Ant Design writes at run time are inline, hence 'unsafe-inline' for styles only), no framing,
 * no MIME sniffing, no referrer to other sites, and HSTS.
 */
function securityHeaders(config: Config) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.baseUrl?.startsWith('https:') ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
  };
}

/** Builds the HTTP application: API under /api/v1, its OpenAPI document, and the web app. */
export async function buildApp({ config, db, clock, logger = false }: AppOptions) {
  const app = Fastify({
    logger: logger ? { level: 'info' } : false,
    bodyLimit: 1024 * 1024,
    // Forwarding headers are believed only from the configured proxies; otherwise the address is the connection's.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    // Errors Fastify raises before any route runs (a malformed URL, oversized headers) get the one shape too.
    frameworkErrors: (error, request, reply) => sendFrameworkError(error, request, reply, config.locale),
    clientErrorHandler: (error, socket) => handleClientError(error, socket, config.locale),
  }).withTypeProvider<ZodTypeProvider>() as Api;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app, config.locale);

  await app.register(cookie);
  await app.register(helmet, securityHeaders(config));
  const webDir = config.webDir && path.resolve(config.webDir);
  const hasWeb = !!webDir && fs.existsSync(path.join(webDir, 'index.html'));
  // The web app's files first: they go out as the build compressed them (static-files.ts), never again.
  if (hasWeb) await registerWebFiles(app, webDir);
  // Then every other route is compressed as the request allows (compression.ts).
  await installCompression(app);
  installApiCacheHeaders(app);
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
  // Swagger UI's page sets its own CSP (with hashes of its inline parts) instead of the app's.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const services = createServices(db, config, clock);
  installAuth(app, services.sessions);
  installInputGuard(app);
  registerFeatureRoutes(app, services, config);
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
  app.get('/api/v1/health', { config: { public: true }, schema: { hide: true } }, () => ({
    ok: true,
    database: db.dialect,
  }));

  // The web app routes in the browser: any non-API path that is not a file gets index.html.
  app.setNotFoundHandler((request, reply) =>
    hasWeb && !request.url.startsWith('/api/')
      ? reply.type('text/html; charset=utf-8').sendFile('index.html')
      : sendRouteNotFound(request, reply, config.locale),
  );
  return { app, services };
}
