import * as m0004 from '../../db/migrations/0004_reports.ts';
import * as m0006 from '../../db/migrations/0006_report_settings.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { REPORT_SETTINGS_MESSAGES } from './report-settings.messages.ts';
import { REPORT_MESSAGES } from './reports.messages.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { ProjectRepository } from '../projects/projects.repository.ts';
import type { ReportPhotoService } from '../report-photos/report-photos.service.ts';
import type { SettingsRepository } from '../settings/settings.repository.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createMonthLockRepository } from './report-settings.repository.ts';
import { registerReportSettingsRoutes } from './report-settings.routes.ts';
import { createReportSettings, type ReportSettings } from './report-settings.service.ts';
import { createReportFilingRepository } from './report-filing.repository.ts';
import { registerReportFilingRoutes } from './report-filing.routes.ts';
import { createReportFiling, type ReportFiling } from './report-filing.service.ts';
import { createReportRepository } from './reports.repository.ts';
import { registerReportRoutes } from './reports.routes.ts';
import { createReportService, type ReportService } from './reports.service.ts';
import type { NoticeService } from '../notices/notices.service.ts';
import { createReportReminders, type ReportReminders } from './report-reminders.service.ts';
import { registerReportReminderRoutes } from './report-reminders.routes.ts';

/** The reporting calendar and month locks; wired before lights and photos, which read them. */
export const reportSettings = defineFeature({
  name: 'report-settings',
  migrations: { '0006_report_settings': m0006 },
  messages: REPORT_SETTINGS_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; settingsRepo: SettingsRepository }) => ({
    reportSettings: createReportSettings({
      db: ctx.kysely,
      settings: d.settingsRepo,
      monthLocks: createMonthLockRepository(ctx.kysely),
      audit: d.audit,
      clock: ctx.clock,
    }),
  }),
  routes: (app, s: { reportSettings: ReportSettings }) =>
    registerReportSettingsRoutes(app, { settings: s.reportSettings }),
});

/** Monthly reports (月报): filing, review, corrections. */
export const reports = defineFeature({
  name: 'reports',
  migrations: { '0004_reports': m0004 },
  messages: REPORT_MESSAGES,
  wire: (
    ctx,
    d: {
      audit: AuditLog;
      projectRepo: ProjectRepository;
      unitRepo: UnitRepository;
      lights: LightService;
      reportSettings: ReportSettings;
      stats: UnitStats;
      reportPhotos: ReportPhotoService;
      notices: NoticeService;
    },
  ) => {
    const reports = createReportService({
      db: ctx.kysely,
      reports: createReportRepository(ctx.kysely),
      projects: d.projectRepo,
      units: d.unitRepo,
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
      onReportApproved: async (projectId, since) => void (await d.lights.recomputeProject(projectId, since)),
      settings: d.reportSettings,
      stats: d.stats,
      photos: d.reportPhotos,
      notices: d.notices,
    });
    const reminders = createReportReminders({
      db: ctx.kysely,
      reports: createReportRepository(ctx.kysely),
      units: d.unitRepo,
      settings: d.reportSettings,
      notices: d.notices,
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
    });
    const reportFiling = createReportFiling({
      filing: createReportFilingRepository(ctx.kysely),
      reports: createReportRepository(ctx.kysely),
      service: reports,
      settings: d.reportSettings,
      today: ctx.today,
    });
    return { reports, reminders, reportFiling };
  },
  routes: (app, s: { reports: ReportService; reminders: ReportReminders; reportFiling: ReportFiling }, config) => {
    registerReportRoutes(app, { reports: s.reports, defaultLocale: config.locale });
    registerReportReminderRoutes(app, { reminders: s.reminders, defaultLocale: config.locale });
    registerReportFilingRoutes(app, { filing: s.reportFiling, defaultLocale: config.locale });
  },
});
