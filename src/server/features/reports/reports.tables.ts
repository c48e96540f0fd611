// The reports tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface MonthlyReportTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  month: number;
  revision: number;
  is_current: number;
  /** Integer 元 completed in the month. */
  amount: number;
  progress_text: string;
  problems: string;
  state: string;
  is_late: number;
  correction_reason: string | null;
  return_reason: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ReportMonthLockTable {
  year: number;
  month: number;
  locked_by: string;
  locked_at: string;
}

/** The tables this feature adds to the database. */
export interface ReportTables {
  monthly_reports: MonthlyReportTable;
  report_month_locks: ReportMonthLockTable;
}
