// The monthly-report endpoints of docs/API.md "Monthly reports (固投月报)": types and one function each.
// Money in responses is integer 元 (…Yuan); requests carry 万元 (…Wan) as a decimal string.
import { query, request, type Id } from './api';
import type { Stage } from '../../src/domain/projects/lifecycle';
import type { ReportState } from '../../src/domain/reports/report-rules';

export type { ReportState };

/** One revision of one project's report for one month. */
export interface Report {
  id: number;
  projectId: number;
  year: number;
  month: number;
  /** 1 for the first report, 2, 3 … for corrections. */
  revision: number;
  /** The revision that counts: the approved one until a correction is approved. */
  isCurrent: boolean;
  amountYuan: number;
  progressText: string;
  problems: string;
  state: ReportState;
  isLate: boolean;
  correctionReason: string | null;
  returnReason: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  createdBy: string;
  createdAt: string;
  /** Site photos this revision carries (0–9). */
  photoCount: number;
  /** Approved current amounts of the year up to and including this month. */
  yearCumulativeYuan: number;
  sinceStartYuan: number;
}

export interface ProjectReports {
  projectId: number;
  items: Report[];
}

/** The body of POST /projects/{id}/reports. */
export interface NewReportInput {
  year: number;
  month: number;
  amountWan: string;
  progressText?: string;
  problems?: string;
}

/** The body of PATCH /reports/{id} (draft or returned only). */
export interface ReportPatch {
  amountWan?: string;
  progressText?: string;
  problems?: string;
}

export interface CorrectionInput {
  amountWan: string;
  reason: string;
  progressText?: string;
  problems?: string;
}

/** 'missing': the project must report and nothing is filed yet. */
export type TodoState = ReportState | 'missing';

/** A project that must report for the month, with its current revision (if any). */
export interface TodoItem {
  projectId: number;
  projectName: string;
  stage: Stage;
  unitName: string;
  reportId: number | null;
  state: TodoState;
  isLate: boolean;
  amountYuan: number | null;
}

export interface ReportTodo {
  year: number;
  month: number;
  /** The server's date, YYYY-MM-DD: deadlines count from it, not from the reader's clock. */
  today: string;
  /** The last day to submit on time, YYYY-MM-DD. */
  deadline: string;
  /** The last day the department should review, YYYY-MM-DD. */
  reviewDeadline: string;
  items: TodoItem[];
}

export interface UnitReportStatus {
  unitId: number;
  unitName: string;
  due: number;
  filed: number;
  late: number;
  missing: number;
  /** Submitted, waiting for the department's review. */
  awaitingReview: number;
  /** Still waiting after the calendar's review day. */
  reviewOverdue: number;
}

export interface ReportStatus {
  year: number;
  month: number;
  today: string;
  deadline: string;
  reviewDeadline: string;
  units: UnitReportStatus[];
}

const reportPath = (id: Id) => `/reports/${encodeURIComponent(String(id))}`;
const projectPath = (id: Id) => `/projects/${encodeURIComponent(String(id))}/reports`;

/** A report as the month listing carries it: without the project's cumulative figures. */
export type MonthReport = Omit<Report, 'yearCumulativeYuan' | 'sinceStartYuan'>;

export const reportsApi = {
  forProject: (projectId: Id) => request<ProjectReports>('GET', projectPath(projectId)),
  /** Every revision of a month in the caller's scope, in one request. */
  ofMonth: (period: { year: number; month: number }) =>
    request<{ year: number; month: number; items: MonthReport[] }>(
      'GET',
      `/reports?year=${period.year}&month=${period.month}`,
    ),
  create: (projectId: Id, body: NewReportInput) => request<Report>('POST', projectPath(projectId), body),
  get: (id: Id) => request<Report>('GET', reportPath(id)),
  update: (id: Id, body: ReportPatch) => request<Report>('PATCH', reportPath(id), body),
  submit: (id: Id) => request<Report>('POST', `${reportPath(id)}/submit`),
  approve: (id: Id) => request<Report>('POST', `${reportPath(id)}/approve`),
  return: (id: Id, reason: string) => request<Report>('POST', `${reportPath(id)}/return`, { reason }),
  correct: (id: Id, body: CorrectionInput) => request<Report>('POST', `${reportPath(id)}/corrections`, body),
  toFile: (params: { year: number; month: number }) => request<ReportTodo>('GET', `/reports/todo${query(params)}`),
  status: (params: { year: number; month: number }) => request<ReportStatus>('GET', `/reports/status${query(params)}`),
};

/** A site photo (现场照片) of one report revision; the pictures are JPEG, served at `urls`. */
export interface ReportPhoto {
  id: number;
  reportId: number;
  caption: string;
  fileName: string;
  /** Of the stored photo (at most 2048 px on the long side). */
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
  createdBy: string;
  urls: { photo: string; thumb: string };
}

export const reportPhotosApi = {
  list: (reportId: Id) => request<{ reportId: number; items: ReportPhoto[] }>('GET', `${reportPath(reportId)}/photos`),
  /** Uploads one file (multipart: file, caption). */
  upload: (reportId: Id, file: Blob, fileName: string, caption: string) => {
    const form = new FormData();
    form.append('caption', caption);
    form.append('file', file, fileName);
    return request<ReportPhoto>('POST', `${reportPath(reportId)}/photos`, form);
  },
  remove: (photoId: Id) => request<void>('DELETE', `/report-photos/${encodeURIComponent(String(photoId))}`),
};
