import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ProjectRow } from '../../projects/projects.repository.ts';
import type { ReportRow } from '../../reports/reports.repository.ts';

/**
 * The queries a monthly-report import needs beyond the project import's: projects by code or by
 * name under the unit imported into, the stored revisions of the months a batch names, the locked
 * months. Every query takes the executor of the dry run or of the commit's transaction.
 */
/** A project as a report import matches it. */
export type ReportProject = Pick<ProjectRow, (typeof PROJECT_COLUMNS)[number]>;

/** A stored revision as a report import compares and changes it. */
export type StoredReport = Pick<ReportRow, (typeof REPORT_COLUMNS)[number]>;

const PROJECT_COLUMNS = ['id', 'code', 'name', 'unit_path', 'lead_unit_id', 'total_investment'] as const;
const REPORT_COLUMNS = [
  'id',
  'project_id',
  'year',
  'month',
  'revision',
  'is_current',
  'amount',
  'progress_text',
  'problems',
  'state',
  'updated_at',
] as const;

export function createReportImportRepository() {
  return {
    projectsByCodes: (ex: Kysely<DB>, codes: string[]): Promise<ReportProject[]> =>
      codes.length
        ? ex.selectFrom('projects').select(PROJECT_COLUMNS).where('code', 'in', codes).execute()
        : Promise.resolve([]),

    /**
     * Projects with any of the names, wherever they are (the caller keeps those under the unit imported
     * into): the (name, lead unit) index answers it whatever the number of units, where a list of a
     * province's units made PostgreSQL's planner read the whole table for each batch.
     */
    projectsByNames: (ex: Kysely<DB>, names: string[]): Promise<ReportProject[]> =>
      names.length
        ? ex.selectFrom('projects').select(PROJECT_COLUMNS).where('name', 'in', names).execute()
        : Promise.resolve([]),

    /** Every revision of the projects' reports in the given years; on PostgreSQL a commit locks them. */
    reportsOf: (ex: Kysely<DB>, projectIds: number[], years: number[], lock = false): Promise<StoredReport[]> =>
      projectIds.length && years.length
        ? ex
            .selectFrom('monthly_reports')
            .select(REPORT_COLUMNS)
            .where('project_id', 'in', projectIds)
            .where('year', 'in', years)
            .$if(lock, (q) => q.forUpdate())
            .execute()
        : Promise.resolve([]),

    lockedMonths: (ex: Kysely<DB>) => ex.selectFrom('report_month_locks').select(['year', 'month']).execute(),

    updatedAtOf: (ex: Kysely<DB>, ids: number[]) =>
      ex.selectFrom('monthly_reports').select(['id', 'updated_at']).where('id', 'in', ids).execute(),

    updateReport: (ex: Kysely<DB>, id: number, patch: Partial<DB['monthly_reports']>) =>
      ex
        .updateTable('monthly_reports')
        .set(patch as never)
        .where('id', '=', id)
        .execute(),
  };
}

export type ReportImportRepository = ReturnType<typeof createReportImportRepository>;
