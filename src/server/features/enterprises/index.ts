import * as m0018 from '../../db/migrations/0018_enterprises_tickets.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { ENTERPRISE_MESSAGES } from './enterprises.messages.ts';
import { createEnterpriseRepository } from './enterprises.repository.ts';
import { registerEnterpriseRoutes } from './enterprises.routes.ts';
import { createEnterpriseService, type EnterpriseService } from './enterprises.service.ts';

/**
 * 企业库: the registry of enterprises and their licences (证照). Its migration also adds the tickets'
 * tables (the tickets feature reads and writes them) and links projects and accounts to an enterprise.
 */
export const enterprises = defineFeature({
  name: 'enterprises',
  migrations: { '0018_enterprises_tickets': m0018 },
  messages: ENTERPRISE_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; unitRepo: UnitRepository }) => {
    const enterpriseRepo = createEnterpriseRepository(ctx.kysely);
    return {
      enterpriseRepo,
      enterprises: createEnterpriseService({
        db: ctx.kysely,
        enterprises: enterpriseRepo,
        units: d.unitRepo,
        audit: d.audit,
        clock: ctx.clock,
        today: ctx.today,
      }),
    };
  },
  routes: (app, s: { enterprises: EnterpriseService }) => registerEnterpriseRoutes(app, { enterprises: s.enterprises }),
});
