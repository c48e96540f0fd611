import * as m0009 from '../../db/migrations/0009_race.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import type { PeriodFigures } from '../history/period-figures.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import { createRaceFiles, type RaceFiles } from './race-files.service.ts';
import { createRaceValues } from './race-values.ts';
import { RACE_MESSAGES } from './race.messages.ts';
import { registerRaceRoutes } from './race.routes.ts';
import { createRaceRepository } from './races.repository.ts';
import { createRaceService, type RaceService } from './races.service.ts';
import { createTargetRepository } from './targets.repository.ts';
import { createTargetService, type TargetService } from './targets.service.ts';

/** Targets and races (赛马): the indicators, their values and the rankings. */
export const race = defineFeature({
  name: 'race',
  migrations: { '0009_race': m0009 },
  messages: RACE_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; stats: UnitStats; history: HistoryRepository; periodFigures: PeriodFigures }) => {
    const k = ctx.kysely;
    const races = createRaceService({
      db: k,
      races: createRaceRepository(k),
      values: createRaceValues({ db: k, stats: d.stats, history: d.history, timeZone: ctx.config.timeZone }),
      history: d.history,
      figures: d.periodFigures,
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
      timeZone: ctx.config.timeZone,
    });
    const targets = createTargetService({
      db: k,
      targets: createTargetRepository(k),
      audit: d.audit,
      clock: ctx.clock,
      today: ctx.today,
      history: d.history,
    });
    const raceFiles = createRaceFiles({ races, targets, clock: ctx.clock, timeZone: ctx.config.timeZone });
    return { races, targets, raceFiles };
  },
  routes: (app, s: { races: RaceService; targets: TargetService; raceFiles: RaceFiles }, config) =>
    registerRaceRoutes(app, {
      races: s.races,
      targets: s.targets,
      files: s.raceFiles,
      defaultLocale: config.locale,
    }),
});
