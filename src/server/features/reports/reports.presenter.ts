import {
  canDo,
  hasPendingCorrection,
  reportAbilities,
  type ReportAbilities,
  type ReportState,
} from '../../../domain/reports/report-rules.ts';
import type { ReportListed, ReportView } from '../../../contract/reports.ts';
import type { ReportRow } from './reports.repository.ts';

type ListedRow = ReportRow & { photo_count?: number | string | bigint | null };

/** Whether the actor may file and review a project's reports (the report policy on the project). */
export interface ReportMay {
  file: boolean;
  review: boolean;
}

/** What the actor may do with `r`, given the other revisions of its project (or at least of its month). */
export function abilitiesOf(r: ReportRow, revisions: readonly ReportRow[], may: ReportMay): ReportAbilities {
  const ofMonth = revisions.filter((x) => x.project_id === r.project_id && x.year === r.year && x.month === r.month);
  return reportAbilities(
    {
      state: r.state as ReportState,
      isCurrent: r.is_current === 1,
      correctionPending: hasPendingCorrection(ofMonth, r),
    },
    may,
  );
}

/** A month's obligation: file when nothing is filed, else edit and submit as its current report's state allows. */
export const todoAbilities = (state: ReportState | null, may: ReportMay) => ({
  file: may.file && state === null,
  edit: may.file && state !== null && canDo('edit', state),
  submit: may.file && state !== null && canDo('submit', state),
});

/** `photo_count` comes with the listing queries (ofProject, ofMonth); a row read without it has 0. */
export function presentReport(r: ListedRow, can: ReportAbilities): ReportListed {
  return {
    id: Number(r.id),
    projectId: r.project_id,
    year: r.year,
    month: r.month,
    revision: r.revision,
    isCurrent: r.is_current === 1,
    amountYuan: Number(r.amount),
    progressText: r.progress_text,
    problems: r.problems,
    state: r.state as ReportState,
    isLate: r.is_late === 1,
    correctionReason: r.correction_reason,
    returnReason: r.return_reason,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    createdBy: r.created_by,
    createdAt: r.created_at,
    photoCount: Number(r.photo_count ?? 0),
    can,
  };
}

/**
 * Reports with the figures derived from approved current revisions, never typed: the year's
 * cumulative amount up to and including the report's month, and the amount since the first report.
 */
export function withCumulative(rows: ListedRow[], may: ReportMay): ReportView[] {
  const counted = rows
    .filter((r) => r.is_current === 1 && r.state === 'approved')
    .sort((a, b) => a.year - b.year || a.month - b.month);
  const upTo = (year: number, month: number, sameYear: boolean) =>
    counted
      .filter((c) => (c.year < year || (c.year === year && c.month <= month)) && (!sameYear || c.year === year))
      .reduce((s, c) => s + Number(c.amount), 0);
  return rows.map((r) => ({
    ...presentReport(r, abilitiesOf(r, rows, may)),
    yearCumulativeYuan: upTo(r.year, r.month, true),
    sinceStartYuan: upTo(r.year, r.month, false),
  }));
}
