import * as m0014 from '../../db/migrations/0014_sign_in_attempts.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { createSessionRepository } from './session.repository.ts';
import { registerSessionRoutes } from './session.routes.ts';
import { createSessionService, type SessionService } from './session.service.ts';

/** Signing in and out, and the sessions behind the cookie. */
export const session = defineFeature({
  name: 'session',
  migrations: { '0014_sign_in_attempts': m0014 },
  wire: (ctx, d: { audit: AuditLog }) => {
    const sessionRepo = createSessionRepository(ctx.kysely);
    return {
      sessionRepo,
      countyToday: ctx.today,
      sessions: createSessionService({
        sessions: sessionRepo,
        audit: d.audit,
        clock: ctx.clock,
        sessionHours: ctx.config.sessionHours,
        sessionMaxHours: ctx.config.sessionMaxHours,
        login: ctx.config.login,
      }),
    };
  },
  routes: (app, s: { sessions: SessionService; countyToday: () => string }, config) =>
    registerSessionRoutes(app, { sessions: s.sessions, config, today: s.countyToday }),
});
