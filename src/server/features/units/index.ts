import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { UNIT_MESSAGES } from './units.messages.ts';
import { createUnitRepository } from './units.repository.ts';
import { registerUnitRoutes } from './units.routes.ts';
import { createUnitService, type UnitService } from './units.service.ts';

/** The county's tree of units. */
export const units = defineFeature({
  name: 'units',
  messages: UNIT_MESSAGES,
  wire: (ctx, d: { audit: AuditLog }) => {
    const unitRepo = createUnitRepository(ctx.kysely);
    return {
      unitRepo,
      units: createUnitService({ db: ctx.kysely, units: unitRepo, audit: d.audit, clock: ctx.clock }),
    };
  },
  routes: (app, s: { units: UnitService }) => registerUnitRoutes(app, { units: s.units }),
});
