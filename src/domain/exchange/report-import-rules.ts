/**
 * What a row of a monthly-report ledger does to the stored report of its project and month. Pure,
 * so that every case is a table test (report-import-rules.test.ts).
 *
 * A ledger row either files a new report (revision 1), changes a draft or returned one, or — when it
 * says what is stored already — changes nothing, which is what makes importing the same file twice
 * harmless. Reports that are submitted or approved are not changed by a ledger: a submitted one is
 * the reviewer's to return, an approved one is corrected with a reason on the reports page.
 */
import type { ReportState } from '../reports/report-rules.ts';
import type { Values } from './row-validation.ts';

/** The state imported reports take: drafts to finish on the page, submitted for review, or approved history. */
export const REPORT_IMPORT_STATES = ['draft', 'submitted', 'approved'] as const;
export type ReportImportState = (typeof REPORT_IMPORT_STATES)[number];
export const DEFAULT_REPORT_IMPORT_STATE: ReportImportState = 'submitted';

export interface ImportOptions {
  reportState?: ReportImportState;
}

export type Period = { year: number; month: number };

export type PeriodResult = Period | { error: 'MISSING' | 'NO_MONTH' };

const fromYearMonth = (ym: string): Period => ({ year: Number(ym.slice(0, 4)), month: Number(ym.slice(5, 7)) });

/**
 * The row's year and month: its 报告期 cell; else its 月份 cell (a whole year-month, or a month whose
 * year is the 年度 cell, the default period's year, or the import's year); else the default period
 * (chosen by the person, proposed from the sheet's title).
 */
export function periodOf(values: Values, defaultPeriod: string | null, importYear: number): PeriodResult {
  if (typeof values.reportPeriod === 'string') return fromYearMonth(values.reportPeriod);
  const month = values.reportMonth;
  if (typeof month === 'string') return fromYearMonth(month);
  if (typeof month === 'number') {
    const year =
      typeof values.reportYear === 'number'
        ? values.reportYear
        : defaultPeriod
          ? Number(defaultPeriod.slice(0, 4))
          : importYear;
    return { year, month };
  }
  if (typeof values.reportYear === 'number' && !defaultPeriod) return { error: 'NO_MONTH' };
  if (defaultPeriod) {
    const p = fromYearMonth(defaultPeriod);
    return typeof values.reportYear === 'number' ? { year: values.reportYear, month: p.month } : p;
  }
  return { error: 'MISSING' };
}

/** What the ledger says of the month; absent texts leave the stored ones as they are. */
export interface IncomingReport {
  amount: number;
  progressText: string | null;
  problems: string | null;
}

export interface StoredReportFacts {
  state: ReportState;
  amount: number;
  progressText: string;
  problems: string;
}

export type ReportDecision =
  | { kind: 'create' }
  | { kind: 'unchanged' }
  /** Changes content (of a draft or returned report) and/or moves it to `toState`. */
  | { kind: 'update'; content: boolean; toState: ReportImportState | null }
  | { kind: 'refuse'; reason: 'SUBMITTED' | 'APPROVED' };

/** Whether the row says something other than what is stored (money compared as numbers: PostgreSQL returns strings). */
export function differs(stored: StoredReportFacts, incoming: IncomingReport): boolean {
  return (
    Number(stored.amount) !== incoming.amount ||
    (incoming.progressText !== null && incoming.progressText !== stored.progressText) ||
    (incoming.problems !== null && incoming.problems !== stored.problems)
  );
}

/**
 * The decision for one row against the current revision of its month (null: none yet). The state
 * only moves forward: importing as drafts never pulls back a submitted report, and a submitted one
 * saying the same is approved only when the import is of approved reports.
 */
export function decideReport(
  current: StoredReportFacts | null,
  incoming: IncomingReport,
  target: ReportImportState,
): ReportDecision {
  if (!current) return { kind: 'create' };
  const content = differs(current, incoming);
  switch (current.state) {
    case 'draft':
    case 'returned': {
      // A draft import edits a draft or returned report and leaves its state (as the report form does).
      const toState = target === 'draft' ? null : target;
      if (!content && toState === null) return { kind: 'unchanged' };
      return { kind: 'update', content, toState };
    }
    case 'submitted':
      if (content) return { kind: 'refuse', reason: 'SUBMITTED' };
      return target === 'approved' ? { kind: 'update', content: false, toState: 'approved' } : { kind: 'unchanged' };
    case 'approved':
      return content ? { kind: 'refuse', reason: 'APPROVED' } : { kind: 'unchanged' };
  }
}
