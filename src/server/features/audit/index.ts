import { defineFeature } from '../feature.ts';
import { createAuditLog } from './audit.repository.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { createAuditService, type AuditService } from './audit.service.ts';

/** The audit log every feature writes to, and its read-only trail. */
export const audit = defineFeature({
  name: 'audit',
  wire: (ctx, _deps: object) => {
    const audit = createAuditLog(ctx.kysely, ctx.clock);
    return { audit, auditTrail: createAuditService({ audit }) };
  },
  routes: (app, s: { auditTrail: AuditService }) => registerAuditRoutes(app, { audit: s.auditTrail }),
});
