import { sql, type Kysely } from 'kysely';
import type { Scope } from '../../../domain/access/scope.ts';
import type { DB } from '../../db/schema.ts';
import { obligationsQuery } from './reports.repository.ts';

/**
 * The month's filing grid in one query: the obligations (who must report, the to-do's query) with what
 * each row shows beside its cells: the year's plan, the approved year-to-date before the month, last
 * month's texts and this month's current report with its photo count.
 */
export function createReportFilingRepository(db: Kysely<DB>) {
  return {
    rows(scope: Scope, year: number, month: number) {
      // The plan and last month's report come joined with the obligations.
      return obligationsQuery(db, scope, year, month)
        .innerJoin('units', 'units.id', 'projects.lead_unit_id')
        .select((eb) => [
          'projects.id as project_id',
          'projects.name',
          'projects.code',
          'projects.stage',
          'projects.unit_path',
          'projects.total_investment',
          'units.name as unit_name',
          'plan.amount as plan_amount',
          'last.id as last_id',
          'last.progress_text as last_progress_text',
          'last.problems as last_problems',
          'r.id as report_id',
          'r.state',
          'r.is_late',
          'r.amount',
          'r.progress_text',
          'r.problems',
          'r.return_reason',
          eb
            .selectFrom('monthly_reports as y')
            .select(sql<string | number | null>`sum(y.amount)`.as('s'))
            .whereRef('y.project_id', '=', 'projects.id')
            .where('y.year', '=', year)
            .where('y.month', '<', month)
            .where('y.is_current', '=', 1)
            .where('y.state', '=', 'approved')
            .as('year_to_date'),
          eb
            .selectFrom('report_photos')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('report_photos.report_id', '=', 'r.id')
            .as('photo_count'),
        ])
        .orderBy('projects.unit_path')
        .orderBy('projects.id')
        .execute();
    },
  };
}

export type ReportFilingRepository = ReturnType<typeof createReportFilingRepository>;
