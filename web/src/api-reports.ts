// The monthly-report endpoints (the operations in /api/docs; types from src/contract): types and one function each.
// Money in responses is integer 元 (…Yuan); requests carry 万元 (…Wan) as a decimal string.
import type { z } from 'zod';
import { query, request, type Id } from './api';
import type { ReportState } from '../../src/domain/reports/report-rules';
import type {
  FilingItemResult,
  FilingRow,
  MonthReports,
  ReportFiling,
  ReportFilingInput,
  ReportFilingResult,
  ProjectReports,
  ReportBatchApproval,
  ReportBatchApprovalResult,
  reportCorrectionBody,
  reportCreateBody,
  reportPatchBody,
  ReportListed,
  ReportPhoto,
  ReportPhotos,
  ReportStatus,
  ReportTodo,
  ReportView,
  TodoItem,
  UnitReportStatus,
} from '../../src/contract/reports';

export type { FilingItemResult, FilingRow, ReportFiling, ReportFilingInput, ReportFilingResult };
export type { ProjectReports, ReportPhoto, ReportState, ReportStatus, ReportTodo, TodoItem, UnitReportStatus };
/** One revision of one project's report for one month, with the year's cumulative and since-start amounts. */
export type Report = ReportView;
/** A report as the month listing carries it: without the project's cumulative figures. */
export type MonthReport = ReportListed;
/** 'missing': the project must report and nothing is filed yet. */
export type TodoState = TodoItem['state'];

/** The body of POST /projects/{id}/reports. */
export type NewReportInput = z.input<typeof reportCreateBody>;
/** The body of PATCH /reports/{id} (draft or returned only). */
export type ReportPatch = z.input<typeof reportPatchBody>;
/** The body of POST /reports/{id}/correction. */
export type CorrectionInput = z.input<typeof reportCorrectionBody>;

const reportPath = (id: Id) => `/reports/${encodeURIComponent(String(id))}`;
const projectPath = (id: Id) => `/projects/${encodeURIComponent(String(id))}/reports`;

export const reportsApi = {
  forProject: (projectId: Id) => request<ProjectReports>('GET', projectPath(projectId)),
  /** Every revision of a month in the caller's scope, in one request. */
  ofMonth: (period: { year: number; month: number }) =>
    request<MonthReports>('GET', `/reports?year=${period.year}&month=${period.month}`),
  create: (projectId: Id, body: NewReportInput) => request<Report>('POST', projectPath(projectId), body),
  get: (id: Id) => request<Report>('GET', reportPath(id)),
  update: (id: Id, body: ReportPatch) => request<Report>('PATCH', reportPath(id), body),
  submit: (id: Id) => request<Report>('POST', `${reportPath(id)}/submit`),
  approve: (id: Id) => request<Report>('POST', `${reportPath(id)}/approve`),
  /** Approves many, each on its own: the answer says, per report, approved or refused with the reason. */
  approveMany: (items: ReportBatchApproval['items']) =>
    request<ReportBatchApprovalResult>('POST', '/reports/approvals', { items }),
  return: (id: Id, reason: string) => request<Report>('POST', `${reportPath(id)}/return`, { reason }),
  correct: (id: Id, body: CorrectionInput) => request<Report>('POST', `${reportPath(id)}/corrections`, body),
  toFile: (params: { year: number; month: number }) => request<ReportTodo>('GET', `/reports/todo${query(params)}`),
  status: (params: { year: number; month: number }) => request<ReportStatus>('GET', `/reports/status${query(params)}`),
  /** 本月填报: every project the caller must report for the month, with plan, year-to-date and last month. */
  filing: (params: { year: number; month: number }) => request<ReportFiling>('GET', `/reports/filing${query(params)}`),
  /** Saves (and with `submit` submits) many rows, each on its own: per row saved, or refused naming its cell. */
  fileMany: (body: ReportFilingInput) => request<ReportFilingResult>('POST', '/reports/filing', body),
};

export const reportPhotosApi = {
  list: (reportId: Id) => request<ReportPhotos>('GET', `${reportPath(reportId)}/photos`),
  /** Uploads one file (multipart: file, caption). */
  upload: (reportId: Id, file: Blob, fileName: string, caption: string) => {
    const form = new FormData();
    form.append('caption', caption);
    form.append('file', file, fileName);
    return request<ReportPhoto>('POST', `${reportPath(reportId)}/photos`, form);
  },
  remove: (photoId: Id) => request<void>('DELETE', `/report-photos/${encodeURIComponent(String(photoId))}`),
};
