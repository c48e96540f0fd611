import * as m0010 from '../../db/migrations/0010_imports.ts';
import * as m0011 from '../../db/migrations/0011_report_imports.ts';
import * as m0020 from '../../db/migrations/0020_enterprise_imports.ts';
import * as m0023 from '../../db/migrations/0023_import_error_english.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import type { DealSettingsService } from '../deals/deal-settings.ts';
import { defineFeature } from '../feature.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import { IMPORT_MESSAGES } from './imports.messages.ts';
import { registerImportRoutes } from './imports.routes.ts';
import type { ImportService } from './imports.service.ts';
import { createImports } from './imports.wiring.ts';

/** Ledger imports (台账导入) of projects, monthly reports, enterprises and deals, over HTTP and from the command line. */
export const imports = defineFeature({
  name: 'imports',
  migrations: {
    '0010_imports': m0010,
    '0011_report_imports': m0011,
    '0020_enterprise_imports': m0020,
    '0023_import_error_english': m0023,
  },
  messages: IMPORT_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; stats: UnitStats; lights: LightService; dealSettings: DealSettingsService }) => {
    const imports = createImports({
      db: ctx.kysely,
      sqlite: ctx.db.sqlite,
      dialect: ctx.db.dialect,
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
      stats: d.stats,
      lights: d.lights,
      dealSettings: (ex) => d.dealSettings.current(ex),
    });
    return { imports: imports.service, importLocalFile: imports.importLocalFile };
  },
  routes: (app, s: { imports: ImportService }, config) =>
    registerImportRoutes(app, { imports: s.imports, defaultLocale: config.locale }),
});
