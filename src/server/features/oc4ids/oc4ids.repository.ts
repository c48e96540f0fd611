import type { Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { Dialect } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import { inProjectScope, withFilters, type ProjectFilters } from '../projects/projects.repository.ts';

/** The export's filters: a subset of the project list's. */
export type ExportFilters = Pick<ProjectFilters, 'unitPath' | 'stages'>;

/**
 * Typed queries for the OC4IDS export: projects in id order, a batch at a time (keyset on the
 * primary key, so a province streams without OFFSET), then the batch's plans, approved reports and
 * stage changes in one query each.
 */
export function createOc4idsRepository(db: Kysely<DB>, dialect: Dialect) {
  const scoped = (scope: Scope, f: ExportFilters) =>
    withFilters(inProjectScope(db.selectFrom('projects'), scope), f, dialect);

  return {
    /** Up to `limit` projects with ids after `afterId` (and up to `untilId`), with their lead unit's and township's names. */
    batch: (scope: Scope, f: ExportFilters, afterId: number, limit: number, untilId?: number) =>
      scoped(scope, f)
        .$if(untilId !== undefined, (q) => q.where('projects.id', '<=', untilId!))
        .innerJoin('units as lead', 'lead.id', 'projects.lead_unit_id')
        .leftJoin('units as town', 'town.id', 'projects.township_unit_id')
        .selectAll('projects')
        .select(['lead.name as lead_unit_name', 'town.name as township_name'])
        .where('projects.id', '>', afterId)
        .orderBy('projects.id')
        .limit(limit)
        .execute(),

    /**
     * The id of the `limit`-th project after `afterId` and whether another follows: where a page of
     * that size ends, before any of it is read.
     */
    async pageEnd(scope: Scope, f: ExportFilters, afterId: number, limit: number) {
      const rows = await scoped(scope, f)
        .select('projects.id')
        .where('projects.id', '>', afterId)
        .orderBy('projects.id')
        .limit(2)
        .offset(limit - 1)
        .execute();
      return { lastId: rows[0]?.id ?? null, hasMore: rows.length === 2 };
    },

    plansOf: (ids: number[]) =>
      db
        .selectFrom('project_annual_plans')
        .select(['project_id', 'year', 'amount'])
        .where('project_id', 'in', ids)
        .execute(),

    /** The revision that counts for each month, when it is approved. */
    approvedMonthsOf: (ids: number[]) =>
      db
        .selectFrom('monthly_reports')
        .select(['project_id', 'year', 'month', 'amount'])
        .where('project_id', 'in', ids)
        .where('is_current', '=', 1)
        .where('state', '=', 'approved')
        .execute(),

    historyOf: (ids: number[]) =>
      db
        .selectFrom('project_stage_changes')
        .select(['project_id', 'from_stage', 'to_stage', 'reason', 'at'])
        .where('project_id', 'in', ids)
        .execute(),

    /** The last change to what an export holds: a project edited or moved, or a monthly report approved. */
    async lastChange(scope: Scope, f: ExportFilters): Promise<string | null> {
      const [projects, reports] = await Promise.all([
        scoped(scope, f)
          .select((eb) => eb.fn.max('projects.updated_at').as('at'))
          .executeTakeFirst(),
        scoped(scope, f)
          .innerJoin('monthly_reports as r', 'r.project_id', 'projects.id')
          .where('r.state', '=', 'approved')
          .select((eb) => eb.fn.max('r.reviewed_at').as('at'))
          .executeTakeFirst(),
      ]);
      return (
        [projects?.at, reports?.at]
          .filter((at): at is string => !!at)
          .sort()
          .at(-1) ?? null
      );
    },
  };
}

export type Oc4idsRepository = ReturnType<typeof createOc4idsRepository>;
export type Oc4idsProjectRow = Awaited<ReturnType<Oc4idsRepository['batch']>>[number];
