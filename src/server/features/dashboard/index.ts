import type { BulletinService } from '../bulletins/bulletins.service.ts';
import { defineFeature } from '../feature.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import type { ProjectQueries } from '../projects/project-queries.service.ts';
import type { RaceService } from '../race/races.service.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createDashboardRepository } from './dashboard.repository.ts';
import { registerDashboardRoutes } from './dashboard.routes.ts';
import { createDashboardService, type DashboardService } from './dashboard.service.ts';

/** The county's dashboard (驾驶舱): figures, lights and races at a glance. */
export const dashboard = defineFeature({
  name: 'dashboard',
  wire: (
    ctx,
    d: {
      unitRepo: UnitRepository;
      projectQueries: ProjectQueries;
      stats: UnitStats;
      races: RaceService;
      bulletins: BulletinService;
      history: HistoryRepository;
    },
  ) => ({
    dashboard: createDashboardService({
      dashboard: createDashboardRepository(ctx.kysely),
      units: d.unitRepo,
      queries: d.projectQueries,
      stats: d.stats,
      races: d.races,
      bulletins: d.bulletins,
      today: ctx.today,
      history: d.history,
      timeZone: ctx.config.timeZone,
    }),
  }),
  routes: (app, s: { dashboard: DashboardService }) => registerDashboardRoutes(app, { dashboard: s.dashboard }),
});
