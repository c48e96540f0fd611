import type { ReportRow } from './reports.repository.ts';

/** `photo_count` comes with the listing queries (ofProject, ofMonth); a row read without it has 0. */
export function presentReport(r: ReportRow & { photo_count?: number | string | bigint | null }) {
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
    state: r.state,
    isLate: r.is_late === 1,
    correctionReason: r.correction_reason,
    returnReason: r.return_reason,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewed_by,
    createdBy: r.created_by,
    createdAt: r.created_at,
    photoCount: Number(r.photo_count ?? 0),
  };
}

/**
 * Reports with the figures derived from approved current revisions, never typed: the year's
 * cumulative amount up to and including the report's month, and the amount since the first report.
 */
export function withCumulative(rows: (ReportRow & { photo_count?: number | string | bigint | null })[]) {
  const counted = rows
    .filter((r) => r.is_current === 1 && r.state === 'approved')
    .sort((a, b) => a.year - b.year || a.month - b.month);
  const upTo = (year: number, month: number, sameYear: boolean) =>
    counted
      .filter((c) => (c.year < year || (c.year === year && c.month <= month)) && (!sameYear || c.year === year))
      .reduce((s, c) => s + Number(c.amount), 0);
  return rows.map((r) => ({
    ...presentReport(r),
    yearCumulativeYuan: upTo(r.year, r.month, true),
    sinceStartYuan: upTo(r.year, r.month, false),
  }));
}
