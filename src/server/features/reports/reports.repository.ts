import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import { subtreeRange } from '../../db/fragments.ts';
import { monthBefore } from '../../../domain/lights/period.ts';
import type { DB, MonthlyReportTable } from '../../db/schema.ts';

export type ReportRow = Selectable<MonthlyReportTable>;

/** How many site photos a report revision carries, as `photo_count`: a subquery on report_photos' index. */
const withPhotoCount = (eb: ExpressionBuilder<DB, 'monthly_reports'>) =>
  eb
    .selectFrom('report_photos')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('report_photos.report_id', '=', 'monthly_reports.id')
    .as('photo_count');

/**
 * Projects in scope that must report for the month, each joined to its current report of the month (`r`,
 * if any), its plan for the year (`plan`) and last month's current report (`last`). Each join finds at most
 * one row, so the obligations can be counted as they are.
 */
export const obligationsQuery = (db: Kysely<DB>, scope: Scope, year: number, month: number) =>
  db
    .selectFrom('projects')
    .leftJoin('monthly_reports as r', (join) =>
      join
        .onRef('r.project_id', '=', 'projects.id')
        .on('r.year', '=', year)
        .on('r.month', '=', month)
        .on('r.is_current', '=', 1),
    )
    .leftJoin('project_annual_plans as plan', (join) =>
      join.onRef('plan.project_id', '=', 'projects.id').on('plan.year', '=', year),
    )
    .leftJoin('monthly_reports as last', (join) =>
      join
        .onRef('last.project_id', '=', 'projects.id')
        .on('last.year', '=', monthBefore({ year, month }).year)
        .on('last.month', '=', monthBefore({ year, month }).month)
        .on('last.is_current', '=', 1),
    )
    .where((eb) =>
      eb.or([
        eb('projects.stage', 'in', ['preparing', 'construction']),
        eb.exists(
          eb
            .selectFrom('project_annual_plans as p')
            .select(sql`1`.as('x'))
            .whereRef('p.project_id', '=', 'projects.id')
            .where('p.year', '=', year),
        ),
      ]),
    )
    .$call((q) => {
      if (scope.kind === 'subtree') {
        const [lo, hi] = subtreeRange(scope.path);
        return q.where('projects.unit_path', '>=', lo).where('projects.unit_path', '<', hi);
      }
      return scope.kind === 'all' ? q : q.where(sql<boolean>`1 = 0`);
    });

/** Typed queries over monthly reports; decisions live in the service. */
export function createReportRepository(db: Kysely<DB>) {
  const obligationsOf = (scope: Scope, year: number, month: number) => obligationsQuery(db, scope, year, month);

  return {
    findById: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('monthly_reports').selectAll().where('id', '=', id).executeTakeFirst(),

    ofProject: (projectId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('monthly_reports')
        .selectAll()
        .select(withPhotoCount)
        .where('project_id', '=', projectId)
        .orderBy('year', 'desc')
        .orderBy('month', 'desc')
        .orderBy('revision', 'desc')
        .execute(),

    revisionsOf: (projectId: number, year: number, month: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('monthly_reports')
        .selectAll()
        .where('project_id', '=', projectId)
        .where('year', '=', year)
        .where('month', '=', month)
        .orderBy('revision')
        .execute(),

    insert: (ex: Kysely<DB>, row: Omit<ReportRow, 'id'>) =>
      ex.insertInto('monthly_reports').values(row).returning('id').executeTakeFirstOrThrow(),

    update: (ex: Kysely<DB>, id: number, patch: Partial<Omit<ReportRow, 'id'>>) =>
      ex.updateTable('monthly_reports').set(patch).where('id', '=', id).execute(),

    /**
     * Moves a report out of `from` only if it is still there: false when a concurrent move got there
     * first (the row's lock makes the second wait, then find the state changed).
     */
    async moveFrom(ex: Kysely<DB>, id: number, from: string, patch: Partial<Omit<ReportRow, 'id'>>) {
      const result = await ex
        .updateTable('monthly_reports')
        .set(patch)
        .where('id', '=', id)
        .where('state', '=', from)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Makes one revision the one that counts for its project and month. */
    async makeCurrent(ex: Kysely<DB>, r: ReportRow) {
      await ex
        .updateTable('monthly_reports')
        .set({ is_current: 0 })
        .where('project_id', '=', r.project_id)
        .where('year', '=', r.year)
        .where('month', '=', r.month)
        .execute();
      await ex.updateTable('monthly_reports').set({ is_current: 1 }).where('id', '=', r.id).execute();
    },

    /** Every revision of every report of a month, for the projects a scope reaches. */
    ofMonth(scope: Scope, year: number, month: number) {
      return db
        .selectFrom('monthly_reports')
        .innerJoin('projects', 'projects.id', 'monthly_reports.project_id')
        .selectAll('monthly_reports')
        .select(withPhotoCount)
        .select('projects.unit_path as project_unit_path')
        .where('monthly_reports.year', '=', year)
        .where('monthly_reports.month', '=', month)
        .$call((q) => {
          if (scope.kind === 'subtree') {
            const [lo, hi] = subtreeRange(scope.path);
            return q.where('projects.unit_path', '>=', lo).where('projects.unit_path', '<', hi);
          }
          return scope.kind === 'all' ? q : q.where(sql<boolean>`1 = 0`);
        })
        .orderBy('monthly_reports.project_id')
        .orderBy('monthly_reports.revision')
        .execute();
    },

    /**
     * Projects in scope that must report for the month (前期, 在建, or an annual plan for the year),
     * each with the state of its current report for that month, if any.
     */
    obligations(scope: Scope, year: number, month: number) {
      return obligationsOf(scope, year, month)
        .innerJoin('units', 'units.id', 'projects.lead_unit_id')
        .select([
          'projects.id as project_id',
          'projects.name',
          'projects.stage',
          'projects.unit_path',
          'units.name as unit_name',
          'r.id as report_id',
          'r.state',
          'r.is_late',
          'r.amount',
          'plan.amount as plan_amount',
          'last.amount as last_amount',
          'last.state as last_state',
        ])
        .orderBy('projects.unit_path')
        .orderBy('projects.id')
        .execute();
    },

    /**
     * The same obligations counted per (unit path, state, late): a few dozen rows for a county's
     * thousands of projects, for the per-unit status table.
     */
    obligationCounts(scope: Scope, year: number, month: number) {
      return obligationsOf(scope, year, month)
        .select((eb) => ['projects.unit_path', 'r.state', 'r.is_late', eb.fn.countAll<number>().as('n')])
        .groupBy(['projects.unit_path', 'r.state', 'r.is_late'])
        .execute();
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
