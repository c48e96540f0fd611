import type { DealSettingsService } from '../deals/deal-settings.ts';
import { defineFeature } from '../feature.ts';
import type { ProjectQueries } from '../projects/project-queries.service.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createExportRepository } from './exports.repository.ts';
import { registerExportRoutes } from './exports.routes.ts';
import { createExportService, type ExportService } from './exports.service.ts';

/** Spreadsheet exports of the project lists, and the import templates. */
export const exports = defineFeature({
  name: 'exports',
  wire: (ctx, d: { projectQueries: ProjectQueries; unitRepo: UnitRepository; dealSettings: DealSettingsService }) => ({
    exports: createExportService({
      queries: d.projectQueries,
      units: d.unitRepo,
      exports: createExportRepository(ctx.kysely),
      dealSettings: d.dealSettings,
      today: ctx.today,
    }),
  }),
  routes: (app, s: { exports: ExportService }) => registerExportRoutes(app, { exports: s.exports }),
});
