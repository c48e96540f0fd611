import * as m0001 from '../../db/migrations/0001_foundation.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { DemoService } from '../demo/demo.service.ts';
import { defineFeature } from '../feature.ts';
import { SETUP_MESSAGES } from './setup.messages.ts';
import type { SessionService } from '../session/session.service.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { UserRepository } from '../users/users.repository.ts';
import { registerSetupRoutes } from './setup.routes.ts';
import { createSetupService, type SetupService } from './setup.service.ts';

/** The first setup of a county; its migration is the foundation (units, users, sessions, settings, tokens, audit). */
export const setup = defineFeature({
  name: 'setup',
  migrations: { '0001_foundation': m0001 },
  messages: SETUP_MESSAGES,
  wire: (
    ctx,
    d: { audit: AuditLog; settingsRepo: SettingsRepository; unitRepo: UnitRepository; userRepo: UserRepository },
  ) => ({
    setup: createSetupService({
      db: ctx.kysely,
      settings: d.settingsRepo,
      units: d.unitRepo,
      users: d.userRepo,
      audit: d.audit,
      clock: ctx.clock,
    }),
  }),
  routes: (app, s: { setup: SetupService; demo: DemoService; sessions: SessionService }, config) =>
    registerSetupRoutes(app, { setup: s.setup, demo: s.demo, sessions: s.sessions, config }),
});
