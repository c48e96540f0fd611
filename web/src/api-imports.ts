// The ledger-import endpoints (the operations in /api/docs; types from src/contract): types and one function each.
// The upload goes through XMLHttpRequest rather than the shared fetch client: only XHR reports how
// much of a large workbook has been sent, which the page shows as a progress bar.
import { ApiError, query, request, type Id } from './api';
import { translate, type Lang } from './i18n';
import type {
  DealLedgerField,
  EnterpriseLedgerField,
  LedgerField,
  ProjectField,
  ReportField,
} from '../../src/domain/exchange/project-columns';
import type { DEFAULTABLE_FIELDS, DefaultableField } from '../../src/domain/exchange/mapping';
import type { LedgerKind } from '../../src/domain/exchange/column-sets';
import type { ReportImportState } from '../../src/domain/exchange/report-import-rules';
import type { z } from 'zod';
import type {
  ImportErrorsResponse,
  ImportListResponse,
  importMappingBody,
  importOptions,
  ImportStatus,
  ImportView,
} from '../../src/contract/imports';

export type {
  DealLedgerField,
  DefaultableField,
  EnterpriseLedgerField,
  LedgerField,
  LedgerKind,
  ProjectField,
  ReportField,
  ReportImportState,
};
/** Fields of a project ledger that may take one value for every row when the ledger has no column for them. */
export type ProjectDefaultableField = (typeof DEFAULTABLE_FIELDS)[number];

/**
 * The kinds of ledger (column-sets.ts LEDGER_KINDS): projects (台账), monthly reports (月报), enterprises
 * (企业名录), deals (招商台账).
 */
export const LEDGER_KINDS = ['projects', 'reports', 'enterprises', 'deals'] as const satisfies readonly LedgerKind[];
/** The states imported reports may take (report-import-rules.ts); submitted unless chosen otherwise. */
export const REPORT_IMPORT_STATES = ['draft', 'submitted', 'approved'] as const satisfies readonly ReportImportState[];
export const DEFAULT_REPORT_IMPORT_STATE: ReportImportState = 'submitted';

export type {
  ImportColumn,
  ImportCounts,
  ImportProgress,
  ImportStatus,
  ImportView,
  PreviewRow,
  RowAction,
  RowError,
} from '../../src/contract/imports';
/** Options of an import of its kind: the state imported reports take. */
export type ImportOptions = z.output<typeof importOptions>;
export type ImportMapping = ImportView['mapping'];
/** The body of PUT /imports/{id}/mapping: letter → field (null leaves the column out), defaults, sheet, save. */
export type MappingChange = z.input<typeof importMappingBody>;

/** Statuses in which a check or a commit is still running. */
export const RUNNING_STATUSES: readonly ImportStatus[] = ['checking', 'committing'];

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * POST /imports as multipart (file, unitId, sheet, ledger, reportState), reporting the share of bytes
 * sent. Errors come back as the shared ApiError, so the page shows the server's message (not an Excel
 * file, password, …).
 */
export function uploadLedger(
  file: File,
  unitId: Id,
  options: {
    lang: Lang;
    sheet?: string;
    ledger?: LedgerKind;
    reportState?: ReportImportState;
    onProgress?: (percent: number) => void;
    signal?: AbortSignal;
  },
): Promise<ImportView> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('unitId', String(unitId));
    if (options.sheet) form.append('sheet', options.sheet);
    if (options.ledger) form.append('ledger', options.ledger);
    if (options.ledger === 'reports' && options.reportState) form.append('reportState', options.reportState);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', options.lang);
    const csrf = readCookie('lantern_csrf');
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    const networkError = () => new ApiError(0, 'NETWORK', translate(options.lang, 'common.networkError'));
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', 'aborted'));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as ImportView);
        return;
      }
      const error = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)?.error;
      const apiError = new ApiError(
        xhr.status,
        error?.code ?? `HTTP_${xhr.status}`,
        error?.message ?? `${xhr.status} ${xhr.statusText}`,
        error?.field,
      );
      // The shared client signs the page out on an expired session; one request through it does that.
      if (apiError.code === 'UNAUTHENTICATED') void request('GET', '/imports?limit=1').catch(() => undefined);
      reject(apiError);
    };
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}

const importPath = (id: Id) => `/imports/${encodeURIComponent(String(id))}`;

export const importsApi = {
  upload: uploadLedger,
  get: (id: Id) => request<ImportView>('GET', importPath(id)),
  list: (params: { unitId?: Id; cursor?: string | null; limit?: number }) =>
    request<ImportListResponse>('GET', `/imports${query(params)}`),
  /** Changes the mapping (or the sheet / header row / report state) and answers with a new preview. */
  setMapping: (id: Id, body: MappingChange) => request<ImportView>('PUT', `${importPath(id)}/mapping`, body),
  /** Starts the dry run and answers at once (202); follow get() for progress. */
  startCheck: (id: Id) => request<ImportView>('POST', `${importPath(id)}/dry-run?wait=false`, {}),
  /** Starts the commit (all rows or none) and answers at once (202); follow get() for progress. */
  startCommit: (id: Id) => request<ImportView>('POST', `${importPath(id)}/commit?wait=false`, {}),
  errors: (id: Id, params: { cursor?: string | null; limit?: number }) =>
    request<ImportErrorsResponse>('GET', `${importPath(id)}/errors${query(params)}`),
};

/** GET /templates/{kind}.xlsx: the blank ledger of each kind with the headers Lantern reads. */
export const IMPORT_TEMPLATE_URLS: Record<LedgerKind, string> = {
  projects: '/api/v1/templates/projects.xlsx',
  reports: '/api/v1/templates/reports.xlsx',
  enterprises: '/api/v1/templates/enterprises.xlsx',
  deals: '/api/v1/templates/deals.xlsx',
};
