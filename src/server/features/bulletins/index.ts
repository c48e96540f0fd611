import * as m0013 from '../../db/migrations/0013_bulletin_corrections.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import type { PeriodFigures } from '../history/period-figures.ts';
import type { RaceService } from '../race/races.service.ts';
import { BULLETIN_MESSAGES } from './bulletins.messages.ts';
import { createBulletinRepository } from './bulletins.repository.ts';
import { registerBulletinRoutes } from './bulletins.routes.ts';
import { createBulletinService, type BulletinService } from './bulletins.service.ts';

/** Bulletins (通报): a race's published ranking, its files and its corrections. */
export const bulletins = defineFeature({
  name: 'bulletins',
  migrations: { '0013_bulletin_corrections': m0013 },
  messages: BULLETIN_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; races: RaceService; periodFigures: PeriodFigures }) => ({
    bulletins: createBulletinService({
      db: ctx.kysely,
      bulletins: createBulletinRepository(ctx.kysely),
      races: d.races,
      figures: d.periodFigures,
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
      pdfFont: ctx.config.pdfFont,
      timeZone: ctx.config.timeZone,
    }),
  }),
  // The default locale of bulletin routes stays their own (zh-CN), as before the feature index.
  routes: (app, s: { bulletins: BulletinService }) => registerBulletinRoutes(app, { bulletins: s.bulletins }),
});
