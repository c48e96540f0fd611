import type { Config } from './config/config.ts';
import { countyToday, type Clock } from './clock.ts';
import type { Db } from './db/client.ts';
import { createAuditLog } from './features/audit/audit.repository.ts';
import { createAuditService } from './features/audit/audit.service.ts';
import { createSessionRepository } from './features/session/session.repository.ts';
import { createSessionService } from './features/session/session.service.ts';
import { createSetupService } from './features/setup/setup.service.ts';
import { createTokenRepository } from './features/tokens/tokens.repository.ts';
import { createTokenService } from './features/tokens/tokens.service.ts';
import { createUnitRepository } from './features/units/units.repository.ts';
import { createUnitService } from './features/units/units.service.ts';
import { createUserRepository } from './features/users/users.repository.ts';
import { createUserService } from './features/users/users.service.ts';
import { createProjectRepository } from './features/projects/projects.repository.ts';
import { createProjectService } from './features/projects/projects.service.ts';
import { createReportRepository } from './features/reports/reports.repository.ts';
import { createReportService } from './features/reports/reports.service.ts';
import { createReportSettings } from './features/reports/report-settings.service.ts';
import { createMonthLockRepository } from './features/reports/report-settings.repository.ts';
import { createSettingsRepository } from './features/settings/settings.repository.ts';
import { createReportPhotoRepository } from './features/report-photos/report-photos.repository.ts';
import { createReportPhotoService } from './features/report-photos/report-photos.service.ts';
import { createLightService } from './features/lights/lights.service.ts';
import { createLightRepository } from './features/lights/lights.repository.ts';
import { createRulePreview } from './features/lights/rule-preview.ts';
import { createDashboardService } from './features/dashboard/dashboard.service.ts';
import { createDashboardRepository } from './features/dashboard/dashboard.repository.ts';
import { createDemoService } from './features/demo/demo.service.ts';
import { createDemoRepository } from './features/demo/demo.repository.ts';
import { createUnitStats } from './features/stats/unit-stats.ts';
import { createTargetService } from './features/race/targets.service.ts';
import { createTargetRepository } from './features/race/targets.repository.ts';
import { createRaceValues } from './features/race/race-values.ts';
import { createHistoryRepository } from './features/history/history.repository.ts';
import { createPeriodFigures } from './features/history/period-figures.ts';
import { createRaceService } from './features/race/races.service.ts';
import { createRaceRepository } from './features/race/races.repository.ts';
import { createBulletinService } from './features/bulletins/bulletins.service.ts';
import { createBulletinRepository } from './features/bulletins/bulletins.repository.ts';
import { createProjectQueries } from './features/projects/project-queries.service.ts';
import { createImports } from './features/imports/imports.wiring.ts';
import { createExportRepository } from './features/exports/exports.repository.ts';
import { createExportService } from './features/exports/exports.service.ts';
import { createOc4idsRepository } from './features/oc4ids/oc4ids.repository.ts';
import { createOc4idsExport } from './features/oc4ids/oc4ids.service.ts';

/** Wires repositories into services; each service receives only what it uses. */
export function createServices(db: Db, config: Config, clock: Clock) {
  const services = wireServices(db, config, clock);
  // The demo replays a county's year through services of its own, on a clock that travels.
  return {
    ...services,
    demo: createDemoService({
      db: db.kysely,
      demo: createDemoRepository(db.kysely),
      settings: createSettingsRepository(db.kysely),
      clock,
      timeZone: config.timeZone,
      servicesAt: (c) => wireServices(db, config, c),
    }),
  };
}

function wireServices(db: Db, config: Config, clock: Clock) {
  const k = db.kysely;
  const today = countyToday(clock, config.timeZone);
  const audit = createAuditLog(k, clock);
  const sessionRepo = createSessionRepository(k);
  const unitRepo = createUnitRepository(k);
  const userRepo = createUserRepository(k);
  const projectRepo = createProjectRepository(k, db.dialect);
  const settingsRepo = createSettingsRepository(k);
  const setup = createSetupService({ db: k, settings: settingsRepo, units: unitRepo, users: userRepo, audit, clock });
  const units = createUnitService({ db: k, units: unitRepo, audit, clock });
  const reportSettings = createReportSettings({
    db: k,
    settings: settingsRepo,
    monthLocks: createMonthLockRepository(k),
    audit,
    clock,
  });
  const reportPhotos = createReportPhotoService({
    db: k,
    photos: createReportPhotoRepository(k),
    audit,
    clock,
    locks: reportSettings,
  });
  const stats = createUnitStats(k, db.dialect);
  const history = createHistoryRepository(k);
  const periodFigures = createPeriodFigures({ db: k, history, stats });
  const races = createRaceService({
    db: k,
    races: createRaceRepository(k),
    values: createRaceValues({ db: k, stats, history }),
    history,
    figures: periodFigures,
    audit,
    clock,
    today,
    timeZone: config.timeZone,
  });
  const targets = createTargetService({ db: k, targets: createTargetRepository(k), audit, clock, history });
  const bulletins = createBulletinService({
    db: k,
    bulletins: createBulletinRepository(k),
    races,
    figures: periodFigures,
    audit,
    clock,
    today,
    pdfFont: config.pdfFont,
    timeZone: config.timeZone,
  });
  const lights = createLightService({
    db: k,
    lights: createLightRepository(k),
    audit,
    clock,
    today,
    calendar: () => reportSettings.calendar(),
    stats,
  });
  const projectQueries = createProjectQueries({ projects: projectRepo, units: unitRepo, stats, today });
  const recompute = async (projectId: number) => void (await lights.recomputeProject(projectId));
  const projects = createProjectService({
    db: k,
    projects: projectRepo,
    units: unitRepo,
    audit,
    clock,
    today,
    stats,
    onChanged: recompute,
  });
  const imports = createImports({ db: k, sqlite: db.sqlite, dialect: db.dialect, audit, clock, today, stats, lights });
  return {
    today,
    audit,
    auditTrail: createAuditService({ audit }),
    sessions: createSessionService({
      sessions: sessionRepo,
      audit,
      clock,
      sessionHours: config.sessionHours,
      login: config.login,
    }),
    setup,
    units,
    users: createUserService({ db: k, users: userRepo, units: unitRepo, sessions: sessionRepo, audit, clock }),
    tokens: createTokenService({ db: k, tokens: createTokenRepository(k), audit, clock }),
    projects,
    reports: createReportService({
      db: k,
      reports: createReportRepository(k),
      projects: projectRepo,
      units: unitRepo,
      audit,
      clock,
      today,
      onReportApproved: async (projectId, since) => void (await lights.recomputeProject(projectId, since)),
      settings: reportSettings,
      stats,
      photos: reportPhotos,
    }),
    reportSettings,
    reportPhotos,
    targets,
    races,
    bulletins,
    lights,
    rulePreview: createRulePreview({ db: k, lights, today, calendar: () => reportSettings.calendar() }),
    unitRepo,
    projectQueries,
    dashboard: createDashboardService({
      dashboard: createDashboardRepository(k),
      units: unitRepo,
      queries: projectQueries,
      stats,
      races,
      bulletins,
      today,
      history,
      timeZone: config.timeZone,
    }),
    exports: createExportService({
      queries: projectQueries,
      units: unitRepo,
      exports: createExportRepository(k),
      today,
    }),
    stats,
    imports: imports.service,
    importLocalFile: imports.importLocalFile,
    oc4ids: createOc4idsExport({
      repo: createOc4idsRepository(k, db.dialect),
      units: unitRepo,
      clock,
      today,
      ...config.oc4ids,
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
