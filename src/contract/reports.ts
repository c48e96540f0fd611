/**
 * Monthly reports: filing, review and corrections, the month's to-do and per-unit status, the
 * reporting calendar and locked months, and the site photos of a report.
 */
import { z } from 'zod';
import { REPORT_TEXT_FIELDS, type ReportTextField } from '../domain/reports/report-fields.ts';
import { PHOTO_LIMITS } from '../domain/reports/photo-rules.ts';
import { REPORT_STATES } from '../domain/reports/report-rules.ts';
import { STAGES } from '../domain/projects/lifecycle.ts';
import { MAX_ID, wanAmount } from './common.ts';

export const reportPeriodQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  month: z.coerce.number().int().min(1).max(12),
});
/** A report's texts, their limits read from the domain's one table (the form and the imports read it too). */
const reportText = (field: ReportTextField) => z.string().max(REPORT_TEXT_FIELDS[field].maxLength);
const reason = (field: 'returnReason' | 'correctionReason') =>
  z.string().trim().min(1).max(REPORT_TEXT_FIELDS[field].maxLength);
const text = reportText('progressText');
const problems = reportText('problems');

/** The body of POST /projects/{id}/reports. */
export const reportCreateBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  amountWan: wanAmount,
  progressText: text.optional(),
  problems: problems.optional(),
});
export const reportPatchBody = z.strictObject({
  amountWan: wanAmount.optional(),
  progressText: text.optional(),
  problems: problems.optional(),
});
export const reportReturnBody = z.strictObject({ reason: reason('returnReason') });

/** The most reports one batch review approves (a township's month is a few dozen). */
export const BATCH_APPROVAL_MAX = 200;

/** A batch review: each report with the submission time the reviewer saw (a report filed again since is refused). */
export const reportBatchApprovalBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        id: z.number().int().positive().max(MAX_ID),
        submittedAt: z.string().min(1).max(40),
      }),
    )
    .min(1)
    .max(BATCH_APPROVAL_MAX),
});
export type ReportBatchApproval = z.infer<typeof reportBatchApprovalBody>;
export const reportCorrectionBody = z.strictObject({
  amountWan: wanAmount,
  reason: reason('correctionReason'),
  progressText: text.optional(),
  problems: problems.optional(),
});

/** What the actor may do with a report, computed by the report policy (the web never re-derives it). */
export const reportAbilities = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  correct: z.boolean(),
});

/** A report revision as the month's list shows it. */
export const reportListed = z.object({
  id: z.number(),
  projectId: z.number(),
  year: z.number(),
  month: z.number(),
  /** 1 for the first report, 2, 3 … for corrections. */
  revision: z.number(),
  /** The revision that counts: the approved one until a correction is approved. */
  isCurrent: z.boolean(),
  amountYuan: z.number(),
  progressText: z.string(),
  problems: z.string(),
  state: z.enum(REPORT_STATES),
  isLate: z.boolean(),
  correctionReason: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Site photos this revision carries (0–9). */
  photoCount: z.number(),
  /** What the caller may do with this revision, decided by the server (policy and states). */
  can: reportAbilities,
});
export type ReportListed = z.infer<typeof reportListed>;
export type ReportAbilitiesView = z.infer<typeof reportAbilities>;

/** A report with the figures derived from approved current revisions: the year's cumulative and since the first. */
export const reportView = reportListed.extend({ yearCumulativeYuan: z.number(), sinceStartYuan: z.number() });
export type ReportView = z.infer<typeof reportView>;

export const projectReportsResponse = z.object({ projectId: z.number(), items: z.array(reportView) });
export type ProjectReports = z.infer<typeof projectReportsResponse>;
export const monthReportsResponse = z.object({ year: z.number(), month: z.number(), items: z.array(reportListed) });
export type MonthReports = z.infer<typeof monthReportsResponse>;

const dates = {
  /** The server's date, YYYY-MM-DD: deadlines count from it, not from the reader's clock. */
  today: z.string(),
  /** The last day to submit on time, YYYY-MM-DD. */
  deadline: z.string(),
  /** The last day the department should review, YYYY-MM-DD. */
  reviewDeadline: z.string(),
};

/** The month's obligations in the caller's scope: what to file, and where each stands. */
export const reportTodoResponse = z.object({
  year: z.number(),
  month: z.number(),
  ...dates,
  items: z.array(
    z.object({
      projectId: z.number(),
      projectName: z.string(),
      stage: z.enum(STAGES),
      unitName: z.string(),
      /** The unit below the county it counts under in 各单位报送情况 (GET /reports/status's unitId). */
      statusUnitId: z.number().nullable(),
      reportId: z.number().nullable(),
      /** 'missing': the project must report and nothing is filed yet. */
      state: z.enum([...REPORT_STATES, 'missing']),
      isLate: z.boolean(),
      amountYuan: z.number().nullable(),
      /** The project's plan for the year, null when it has none: what a reviewer weighs the amount against. */
      planYuan: z.number().nullable(),
      /** Last month's approved amount, null when last month has no approved report. */
      lastMonthYuan: z.number().nullable(),
      /** What the caller may do with the month: file a report, or edit and submit the current one. */
      can: z.object({ file: z.boolean(), edit: z.boolean(), submit: z.boolean() }),
    }),
  ),
});
export type ReportTodo = z.infer<typeof reportTodoResponse>;
export type TodoItem = ReportTodo['items'][number];

/** Per unit below the county: how many reports are due, filed, late, missing and waiting for review. */
export const reportStatusResponse = z.object({
  year: z.number(),
  month: z.number(),
  ...dates,
  units: z.array(
    z.object({
      unitId: z.number(),
      unitName: z.string(),
      due: z.number(),
      filed: z.number(),
      late: z.number(),
      missing: z.number(),
      /** Submitted, waiting for the department's review. */
      awaitingReview: z.number(),
      /** Still waiting after the calendar's review day. */
      reviewOverdue: z.number(),
    }),
  ),
});
export type ReportStatus = z.infer<typeof reportStatusResponse>;
export type UnitReportStatus = ReportStatus['units'][number];

/** The reporting calendar: the day of the next month reports are due by, and reviewed by. */
export const reportCalendar = z.object({ submitByDay: z.number().int(), reviewByDay: z.number().int() });
export type ReportCalendar = z.infer<typeof reportCalendar>;
export const reportCalendarBody = z.strictObject(reportCalendar.shape);

export const reportLock = z.object({ year: z.number(), month: z.number(), lockedBy: z.string(), lockedAt: z.string() });
export type ReportLock = z.infer<typeof reportLock>;
export const reportLocksResponse = z.object({ items: z.array(reportLock) });
export const reportLockBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
});

/** A site photo's metadata and the addresses of its pictures, never the bytes. */
export const reportPhoto = z.object({
  id: z.number(),
  reportId: z.number(),
  caption: z.string(),
  fileName: z.string(),
  /** Of the stored photo (at most 2048 px on the long side). */
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  urls: z.object({ photo: z.string(), thumb: z.string() }),
});
export type ReportPhoto = z.infer<typeof reportPhoto>;
export const reportPhotosResponse = z.object({ reportId: z.number(), items: z.array(reportPhoto) });
export type ReportPhotos = z.infer<typeof reportPhotosResponse>;
export const photoCaption = z.string().trim().max(PHOTO_LIMITS.captionMax);

/** What became of each report of a batch review, in the order given: approved, or refused with the reason. */
export const reportBatchApprovalResponse = z.object({
  approved: z.number(),
  refused: z.number(),
  items: z.array(
    z.discriminatedUnion('ok', [
      z.object({ id: z.number(), ok: z.literal(true), report: reportView }),
      z.object({ id: z.number(), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
    ]),
  ),
});
export type ReportBatchApprovalResult = z.infer<typeof reportBatchApprovalResponse>;

// ── 本月填报: a month's filing in one grid (GET and POST /api/v1/reports/filing) ──────────────────────

/** The most rows one filing batch carries (a township's month is a few dozen projects). */
export const FILING_BATCH_MAX = 200;

/** One project the caller must report for the month, with what the grid shows beside the cells. */
export const filingRow = z.object({
  projectId: z.number(),
  projectName: z.string(),
  projectCode: z.string().nullable(),
  unitName: z.string(),
  stage: z.enum(STAGES),
  totalInvestmentYuan: z.number(),
  /** The year's annual plan, null when the project has none for the year. */
  planYuan: z.number().nullable(),
  /** Approved current revisions of the year before this month: the year-to-date this month's amount adds to. */
  yearToDateYuan: z.number(),
  /** Last month's current report's texts, to start this month's from; null when last month has none. */
  lastMonth: z.object({ progressText: z.string(), problems: z.string() }).nullable(),
  /** This month's current report, if one is filed. */
  report: z
    .object({
      id: z.number(),
      state: z.enum(REPORT_STATES),
      amountYuan: z.number(),
      progressText: z.string(),
      problems: z.string(),
      returnReason: z.string().nullable(),
      isLate: z.boolean(),
      photoCount: z.number(),
    })
    .nullable(),
  /** What the caller may do with the month: file a report, or edit and submit the current one. */
  can: z.object({ file: z.boolean(), edit: z.boolean(), submit: z.boolean() }),
});
export type FilingRow = z.infer<typeof filingRow>;

export const reportFilingResponse = z.object({
  year: z.number(),
  month: z.number(),
  ...dates,
  /** 序时进度 at the end of the month, in percent (unrounded): the gap is year completion minus this. */
  timeProgressPct: z.number(),
  items: z.array(filingRow),
});
export type ReportFiling = z.infer<typeof reportFilingResponse>;

/** A cell's text: limited per row by the service (a text too long refuses that row, naming it, not the batch). */
const filingText = z.string().max(20_000);

/** The body of POST /reports/filing: each row saved as a draft (and submitted when `submit`) on its own. */
export const reportFilingBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  month: z.number().int().min(1).max(12),
  submit: z.boolean(),
  items: z
    .array(
      z.strictObject({
        projectId: z.number().int().positive().max(MAX_ID),
        amountWan: wanAmount,
        progressText: filingText.optional(),
        problems: filingText.optional(),
      }),
    )
    .min(1)
    .max(FILING_BATCH_MAX),
});
export type ReportFilingInput = z.infer<typeof reportFilingBody>;
export type FilingItemInput = ReportFilingInput['items'][number];

/** The cells a row's error can name. */
export const FILING_FIELDS = ['amountWan', 'progressText', 'problems'] as const;

/** What became of each row, in the order given: saved (and submitted) with the report's state, or refused. */
export const reportFilingResponseBody = z.object({
  saved: z.number(),
  submitted: z.number(),
  refused: z.number(),
  items: z.array(
    z.discriminatedUnion('ok', [
      z.object({ projectId: z.number(), ok: z.literal(true), reportId: z.number(), state: z.enum(REPORT_STATES) }),
      z.object({
        projectId: z.number(),
        ok: z.literal(false),
        /** `field`: the cell (amountWan, progressText, problems) when the error is one cell's, else null. */
        error: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }),
      }),
    ]),
  ),
});
export type ReportFilingResult = z.infer<typeof reportFilingResponseBody>;
export type FilingItemResult = ReportFilingResult['items'][number];
