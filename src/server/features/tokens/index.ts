import * as m0015 from '../../db/migrations/0015_api_token_limits.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { TOKEN_MESSAGES } from './tokens.messages.ts';
import { createTokenRepository } from './tokens.repository.ts';
import { registerTokenRoutes } from './tokens.routes.ts';
import { createTokenService, type TokenService } from './tokens.service.ts';

/** API tokens for machines. */
export const tokens = defineFeature({
  name: 'tokens',
  migrations: { '0015_api_token_limits': m0015 },
  messages: TOKEN_MESSAGES,
  wire: (ctx, d: { audit: AuditLog }) => ({
    tokens: createTokenService({
      db: ctx.kysely,
      tokens: createTokenRepository(ctx.kysely),
      audit: d.audit,
      clock: ctx.clock,
    }),
  }),
  routes: (app, s: { tokens: TokenService }) => registerTokenRoutes(app, { tokens: s.tokens }),
});
