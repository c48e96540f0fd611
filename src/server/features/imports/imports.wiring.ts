import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { countyToday, type Clock, type Today } from '../../clock.ts';
import type { MigrationDialect } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import type { Db } from '../../db/client.ts';
import { createAuditLog, type AuditLog } from '../audit/audit.repository.ts';
import { createLightRepository } from '../lights/lights.repository.ts';
import { createLightService } from '../lights/lights.service.ts';
import { createMonthLockRepository } from '../reports/report-settings.repository.ts';
import { createReportSettings } from '../reports/report-settings.service.ts';
import { createSettingsRepository } from '../settings/settings.repository.ts';
import { createUnitStats, type UnitStats } from '../stats/unit-stats.ts';
import { createImportWriter } from './projects/import-apply.ts';
import { createLedgerChecker } from './projects/import-check.ts';
import { createLocalImport } from './run/import-local.ts';
import { createImportRunner } from './run/import-runner.ts';
import { createImportRepository } from './imports.repository.ts';
import { createImportService } from './imports.service.ts';
import { createReportWriter } from './reports/report-apply.ts';
import { createReportChecker } from './reports/report-check.ts';
import { createReportImportRepository } from './reports/report-import.repository.ts';
import { createEnterpriseRepository } from '../enterprises/enterprises.repository.ts';
import { createEnterpriseWriter } from './enterprises/enterprise-apply.ts';
import { createEnterpriseChecker } from './enterprises/enterprise-check.ts';
import { createEnterpriseImportRepository } from './enterprises/enterprise-import.repository.ts';
import type { DealSettings } from '../../../domain/deals/deal-fields.ts';
import { createDealSettings } from '../deals/deal-settings.ts';
import { createDealRepository } from '../deals/deals.repository.ts';
import { createUnitRepository } from '../units/units.repository.ts';
import { createDealWriter } from './deals/deal-apply.ts';
import { createDealChecker } from './deals/deal-check.ts';
import { createDealImportRepository } from './deals/deal-import.repository.ts';

/** The import feature's parts wired together: the HTTP service and the command line's local import. */
export function createImports(deps: {
  db: Kysely<DB>;
  /** The SQLite handle under `db` (null on PostgreSQL), for the bulk inserts of a commit. */
  sqlite: SQLite.Database | null;
  dialect: MigrationDialect;
  audit: AuditLog;
  clock: Clock;
  today: Today;
  stats: Pick<UnitStats, 'track'>;
  lights: { recomputeAll: () => Promise<number>; recomputeProject: (id: number) => Promise<number> };
  /** The county's 招商 lists (source regions, kinds, chains) a deal ledger is read against. */
  dealSettings: (ex: Kysely<DB>) => Promise<DealSettings>;
}) {
  const imports = createImportRepository(deps.db, deps.sqlite);
  const reports = createReportImportRepository();
  const settings = createReportSettings({
    db: deps.db,
    settings: createSettingsRepository(deps.db),
    monthLocks: createMonthLockRepository(deps.db),
    audit: deps.audit,
    clock: deps.clock,
  });
  const runner = createImportRunner({
    db: deps.db,
    dialect: deps.dialect,
    imports,
    importers: {
      projects: {
        checker: createLedgerChecker({ db: deps.db, imports }),
        writer: createImportWriter({ imports, stats: deps.stats }),
      },
      reports: {
        checker: createReportChecker({ db: deps.db, repo: reports, calendar: (ex) => settings.calendar(ex) }),
        writer: createReportWriter({ imports, repo: reports, stats: deps.stats }),
      },
      enterprises: {
        checker: createEnterpriseChecker({ db: deps.db, repo: createEnterpriseImportRepository() }),
        writer: createEnterpriseWriter({ imports, enterprises: createEnterpriseRepository(deps.db) }),
      },
      deals: {
        checker: createDealChecker({ db: deps.db, repo: createDealImportRepository(), settings: deps.dealSettings }),
        writer: createDealWriter({ imports, deals: createDealRepository(deps.db) }),
      },
    },
    clock: deps.clock,
    today: deps.today,
    lights: deps.lights,
  });
  return {
    service: createImportService({
      db: deps.db,
      dialect: deps.dialect,
      imports,
      runner,
      audit: deps.audit,
      clock: deps.clock,
      logError: (ref, e) => console.error(`import failed (${ref}):`, e),
    }),
    importLocalFile: createLocalImport({ db: deps.db, imports, runner, clock: deps.clock }),
  };
}

/**
 * The import feature alone over an open database, for `lantern import` (and its benchmark): only
 * what an import touches — the audit log, the per-unit figures, the lights — without the rest of the
 * server (image, PDF and Word libraries), so the command starts fast and stays small. A deal ledger is
 * read against the county's 招商 lists, read as the deals feature reads them.
 */
export function createStandaloneImports(db: Db, clock: Clock, timeZone: string) {
  const today = countyToday(clock, timeZone);
  const audit = createAuditLog(db.kysely, clock);
  const stats = createUnitStats(db.kysely, db.dialect);
  const settings = createReportSettings({
    db: db.kysely,
    settings: createSettingsRepository(db.kysely),
    monthLocks: createMonthLockRepository(db.kysely),
    audit,
    clock,
  });
  const lights = createLightService({
    db: db.kysely,
    lights: createLightRepository(db.kysely),
    audit,
    clock,
    today,
    calendar: () => settings.calendar(),
    stats,
  });
  const dealSettings = createDealSettings({
    db: db.kysely,
    settings: createSettingsRepository(db.kysely),
    deals: createDealRepository(db.kysely),
    units: createUnitRepository(db.kysely),
    audit,
    clock,
  });
  return createImports({
    db: db.kysely,
    sqlite: db.sqlite,
    dialect: db.dialect,
    audit,
    clock,
    today,
    stats,
    lights,
    dealSettings: (ex) => dealSettings.current(ex),
  });
}
