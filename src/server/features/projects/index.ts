import * as m0002 from '../../db/migrations/0002_projects.ts';
import * as m0003 from '../../db/migrations/0003_project_search.ts';
import type { AuditLog } from '../audit/audit.repository.ts';
import { defineFeature } from '../feature.ts';
import { PROJECT_MESSAGES } from './projects.messages.ts';
import type { LightService } from '../lights/lights.service.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import { createProjectQueries, type ProjectQueries } from './project-queries.service.ts';
import { createProjectRepository } from './projects.repository.ts';
import { registerProjectRoutes } from './projects.routes.ts';
import { createProjectService, type ProjectService } from './projects.service.ts';

/** The project ledger (项目库): projects, their plans and stages, and the lists read from it. */
export const projects = defineFeature({
  name: 'projects',
  migrations: { '0002_projects': m0002, '0003_project_search': m0003 },
  messages: PROJECT_MESSAGES,
  wire: (ctx, d: { audit: AuditLog; unitRepo: UnitRepository; stats: UnitStats; lights: LightService }) => {
    const projectRepo = createProjectRepository(ctx.kysely, ctx.db.dialect);
    return {
      projectRepo,
      projectQueries: createProjectQueries({
        projects: projectRepo,
        units: d.unitRepo,
        stats: d.stats,
        today: ctx.today,
      }),
      projects: createProjectService({
        db: ctx.kysely,
        projects: projectRepo,
        units: d.unitRepo,
        audit: d.audit,
        clock: ctx.clock,
        today: ctx.today,
        stats: d.stats,
        onChanged: async (projectId: number) => void (await d.lights.recomputeProject(projectId)),
      }),
    };
  },
  routes: (app, s: { projects: ProjectService; projectQueries: ProjectQueries }) =>
    registerProjectRoutes(app, { projects: s.projects, queries: s.projectQueries }),
});
