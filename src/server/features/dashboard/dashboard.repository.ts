import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import { subtreeRange } from '../../db/fragments.ts';
import type { DB } from '../../db/schema.ts';
import { currentOnly, newestPeriodFirst } from '../bulletins/bulletin-queries.ts';

type Q = SelectQueryBuilder<DB, 'projects', object>;

/** Projects under `unitPath` within the reader's scope (none when the scope is empty). */
function scoped<T extends Q>(q: T, scope: Scope, unitPath: string): T {
  const [lo, hi] = subtreeRange(scope.kind === 'subtree' && !unitPath.startsWith(scope.path) ? scope.path : unitPath);
  const out = q.where('projects.unit_path', '>=', lo).where('projects.unit_path', '<', hi) as T;
  if (scope.kind === 'subtree') {
    const [slo, shi] = subtreeRange(scope.path);
    return out.where('projects.unit_path', '>=', slo).where('projects.unit_path', '<', shi) as T;
  }
  return scope.kind === 'all' ? out : (out.where(sql<boolean>`1 = 0`) as T);
}

/** Typed queries of the leaders' dashboard; the figures themselves come from unit_stats and history. */
export function createDashboardRepository(db: Kysely<DB>) {
  return {
    /**
     * The race of the latest period's bulletin in force, not the latest published (back-filling August
     * keeps November's race), else the newest race.
     */
    async currentRaceId(ex: Kysely<DB> = db) {
      const latest = await newestPeriodFirst(currentOnly(ex.selectFrom('bulletins').select('race_id')))
        .limit(1)
        .executeTakeFirst();
      return (
        latest?.race_id ??
        (await ex.selectFrom('races').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id
      );
    },

    /** The 50 largest red projects under `unitPath` the reader may see. */
    redProjects: (scope: Scope, unitPath: string, ex: Kysely<DB> = db) =>
      scoped(
        ex
          .selectFrom('projects')
          .innerJoin('project_lights as l', 'l.project_id', 'projects.id')
          .innerJoin('units', 'units.id', 'projects.lead_unit_id'),
        scope,
        unitPath,
      )
        .where('l.colour', '=', 'red')
        // The month before the assessed one: a project that was not red then is new to the red list.
        .leftJoin('project_light_months as pm', (join) =>
          join
            .onRef('pm.project_id', '=', 'projects.id')
            .on(sql<boolean>`pm.year * 12 + pm.month = l.year * 12 + l.month - 1`),
        )
        .select(['projects.id', 'projects.name', 'units.name as unit_name', 'l.findings_json', 'pm.colour as previous'])
        .orderBy('projects.total_investment', 'desc')
        .limit(50)
        .execute(),
  };
}

export type DashboardRepository = ReturnType<typeof createDashboardRepository>;
