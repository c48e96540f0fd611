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
import { registerAuditRoutes } from '../features/audit/audit.routes.ts';
import { registerSessionRoutes } from '../features/session/session.routes.ts';
import { registerSetupRoutes } from '../features/setup/setup.routes.ts';
import { registerTokenRoutes } from '../features/tokens/tokens.routes.ts';
import { registerUnitRoutes } from '../features/units/units.routes.ts';
import { registerUserRoutes } from '../features/users/users.routes.ts';
import { registerProjectRoutes } from '../features/projects/projects.routes.ts';
import { registerReportRoutes } from '../features/reports/reports.routes.ts';
import { registerReportPhotoRoutes } from '../features/report-photos/report-photos.routes.ts';
import { registerRaceRoutes } from '../features/race/race.routes.ts';
import { registerBulletinRoutes } from '../features/bulletins/bulletins.routes.ts';
import { registerLightRoutes } from '../features/lights/lights.routes.ts';
import { registerReportSettingsRoutes } from '../features/reports/report-settings.routes.ts';
import { registerDashboardRoutes } from '../features/dashboard/dashboard.routes.ts';
import { registerExportRoutes } from '../features/exports/exports.routes.ts';
import { registerOc4idsRoutes } from '../features/oc4ids/oc4ids.routes.ts';
import { registerImportRoutes } from '../features/imports/imports.routes.ts';
import { createServices } from '../services.ts';
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
  registerSetupRoutes(app, { setup: services.setup, demo: services.demo, sessions: services.sessions, config });
  registerSessionRoutes(app, { sessions: services.sessions, config });
  registerUnitRoutes(app, { units: services.units });
  registerUserRoutes(app, { users: services.users });
  registerAuditRoutes(app, { audit: services.auditTrail });
  registerTokenRoutes(app, { tokens: services.tokens });
  registerProjectRoutes(app, { projects: services.projects, queries: services.projectQueries });
  registerReportRoutes(app, { reports: services.reports });
  registerReportPhotoRoutes(app, { photos: services.reportPhotos });
  registerRaceRoutes(app, { races: services.races, targets: services.targets, defaultLocale: config.locale });
  registerBulletinRoutes(app, { bulletins: services.bulletins });
  registerLightRoutes(app, { lights: services.lights, rulePreview: services.rulePreview });
  registerReportSettingsRoutes(app, { settings: services.reportSettings });
  registerDashboardRoutes(app, { dashboard: services.dashboard });
  registerImportRoutes(app, { imports: services.imports, defaultLocale: config.locale });
  registerExportRoutes(app, { exports: services.exports });
  registerOc4idsRoutes(app, { oc4ids: services.oc4ids });
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
