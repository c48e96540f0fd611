import * as m0008 from '../../db/migrations/0008_report_photos.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { PHOTO_MESSAGES } from './report-photos.messages.ts';
import type { ReportSettings } from '../reports/report-settings.service.ts';
import { createReportPhotoRepository } from './report-photos.repository.ts';
import { registerReportPhotoRoutes } from './report-photos.routes.ts';
import { createReportPhotoService, type ReportPhotoService } from './report-photos.service.ts';

/** Site photos attached to monthly reports. */
export const reportPhotos = defineFeature({
  name: 'report-photos',
  migrations: { '0008_report_photos': m0008 },
  messages: PHOTO_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; reportSettings: ReportSettings }) => ({
    reportPhotos: createReportPhotoService({
      db: ctx.kysely,
      photos: createReportPhotoRepository(ctx.kysely),
      audit: d.audit,
      clock: ctx.clock,
      locks: d.reportSettings,
    }),
  }),
  routes: (app, s: { reportPhotos: ReportPhotoService }) => registerReportPhotoRoutes(app, { photos: s.reportPhotos }),
});
