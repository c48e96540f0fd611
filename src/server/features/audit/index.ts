import { defineFeature } from '../feature.ts';
import { AUDIT_MESSAGES } from './audit.messages.ts';
import { createAuditLog } from './audit.repository.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { createAuditService, type AuditService } from './audit.service.ts';

/** The audit log every feature writes to, and its read-only trail: the list and its Excel export. */
export const audit = defineFeature({
  name: 'audit',
  messages: AUDIT_MESSAGES,
  wire: (ctx, _deps: object) => {
    const audit = createAuditLog(ctx.kysely, ctx.clock);
    return { audit, auditTrail: createAuditService({ audit }), auditToday: ctx.today };
  },
  routes: (app, s: { auditTrail: AuditService; auditToday: () => string }, config) =>
    registerAuditRoutes(app, {
      audit: s.auditTrail,
      defaultLocale: config.locale,
      timeZone: config.timeZone,
      today: s.auditToday,
    }),
});
