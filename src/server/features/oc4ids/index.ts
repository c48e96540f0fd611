import { defineFeature } from '../feature.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createOc4idsRepository } from './oc4ids.repository.ts';
import { registerOc4idsRoutes } from './oc4ids.routes.ts';
import { createOc4idsExport, type Oc4idsExport } from './oc4ids.service.ts';

/** The projects as an OC4IDS package, for open-data publishers. */
export const oc4ids = defineFeature({
  name: 'oc4ids',
  wire: (ctx, d: { unitRepo: UnitRepository }) => ({
    oc4ids: createOc4idsExport({
      repo: createOc4idsRepository(ctx.kysely, ctx.db.dialect),
      units: d.unitRepo,
      clock: ctx.clock,
      today: ctx.today,
      ...ctx.config.oc4ids,
    }),
  }),
  routes: (app, s: { oc4ids: Oc4idsExport }, config) => registerOc4idsRoutes(app, { oc4ids: s.oc4ids, config }),
});
