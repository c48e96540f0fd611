import * as m0016 from '../../db/migrations/0016_usernames_case_insensitive.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { USER_MESSAGES } from './users.messages.ts';
import type { SessionRepository } from '../session/session.repository.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createUserRepository } from './users.repository.ts';
import { registerUserRoutes } from './users.routes.ts';
import { createUserService, type UserService } from './users.service.ts';

/** The county's accounts and their roles. */
export const users = defineFeature({
  name: 'users',
  migrations: { '0016_usernames_case_insensitive': m0016 },
  messages: USER_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; unitRepo: UnitRepository; sessionRepo: SessionRepository }) => {
    const userRepo = createUserRepository(ctx.kysely);
    return {
      userRepo,
      users: createUserService({
        db: ctx.kysely,
        users: userRepo,
        units: d.unitRepo,
        sessions: d.sessionRepo,
        audit: d.audit,
        clock: ctx.clock,
      }),
    };
  },
  routes: (app, s: { users: UserService }) => registerUserRoutes(app, { users: s.users }),
});
