import type { ImportView, PreviewRow as PreviewRowDto, RowError as RowErrorDto } from '../../../contract/imports.ts';
import type { DetectedHeader } from '../../../domain/exchange/header-detect.ts';
import { COLUMN_SETS, isLedgerKind, type LedgerKind } from '../../../domain/exchange/column-sets.ts';
import { missingForCreate, otherKindSuggested, type ImportMapping } from '../../../domain/exchange/mapping.ts';
import { formatFieldValue, type LedgerField } from '../../../domain/exchange/project-columns.ts';
import { DEFAULT_REPORT_IMPORT_STATE, type ImportOptions } from '../../../domain/exchange/report-import-rules.ts';
import type { RowError } from '../../../domain/exchange/row-validation.ts';
import { translate, type Locale, type MessageKey } from '../../http/i18n.ts';
import type { CheckCounts, PreviewRow } from './run/check-pass.ts';
import type { ImportProgress } from './run/import-runner.ts';
import type { ImportRecord } from './records/import-records.repository.ts';
import type { SheetInfo } from './read/ledger-reader.ts';

/** What the record keeps of the analysis: the sheets, the header found and the fields proposed. */
export interface StoredHeader {
  sheets: SheetInfo[];
  header: DetectedHeader;
  proposed: Record<string, LedgerField | null>;
}

export type StoredCounts = CheckCounts & { sheetRows: number };

/** A message kept on the record by key, translated when presented. */
export interface StoredMessage {
  key: MessageKey;
  params: Record<string, string | number>;
}

export type ImportStatus =
  'uploaded' | 'checking' | 'checked' | 'invalid' | 'committing' | 'committed' | 'failed' | 'interrupted';

const parse = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);

/** The kind of ledger a record reads (older records: project ledgers). */
export const ledgerOf = (r: Pick<ImportRecord, 'ledger'>): LedgerKind =>
  isLedgerKind(r.ledger) ? r.ledger : 'projects';

/** The record's options, with the defaults filled in for its kind. */
export function optionsOf(r: Pick<ImportRecord, 'ledger' | 'options_json'>): ImportOptions {
  const stored = parse<ImportOptions>(r.options_json) ?? {};
  return ledgerOf(r) === 'reports' ? { reportState: stored.reportState ?? DEFAULT_REPORT_IMPORT_STATE } : {};
}

export function presentPreviewRow(r: PreviewRow, locale: Locale): PreviewRowDto {
  const display: Record<string, string> = {};
  for (const [field, value] of Object.entries(r.values))
    display[field] = formatFieldValue(field as LedgerField, value ?? null);
  return {
    row: r.row,
    action: r.action,
    values: r.values,
    display,
    errors: r.errors.map((e) => presentRowError(e, locale)),
  };
}

/** A row's problem in the reader's language: English where the check worded it so, else the Chinese. */
export const presentRowError = (e: RowError, locale: Locale): RowErrorDto => ({
  row: e.row,
  cell: e.cell,
  column: e.column,
  message: locale === 'en' && e.en ? e.en : e.message,
});

/** Every field of an import as the API returns it; the caller adds the preview or the first errors. */
export function presentImport(
  r: ImportRecord,
  o: {
    locale: Locale;
    status: ImportStatus;
    progress: ImportProgress | null;
    unitName: string | null;
    preview?: PreviewRow[];
    errors?: RowError[];
    message?: StoredMessage | null;
  },
): ImportView {
  const stored = parse<StoredHeader>(r.header_json);
  const mapping = parse<ImportMapping>(r.mapping_json) ?? { columns: {}, defaults: {} };
  const counts = parse<StoredCounts>(r.counts_json);
  const message = o.message !== undefined ? o.message : parse<StoredMessage>(r.message);
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: o.unitName,
    fileName: r.file_name,
    ledger: ledgerOf(r),
    options: optionsOf(r),
    fileKind: r.file_kind,
    fileBytes: r.file_bytes,
    status: o.status,
    sheet: r.sheet,
    sheets: (stored?.sheets ?? []).filter((s) => !s.hidden).map((s) => s.name),
    title: stored?.header.title ?? null,
    headerRow: stored?.header.headerRow ?? null,
    headerRows: stored?.header.headerRows ?? [],
    dataStartRow: stored?.header.dataStartRow ?? null,
    columns: (stored?.header.columns ?? []).map((c) => ({
      letter: c.letter,
      header: c.header,
      group: c.group,
      proposedField: stored?.proposed[c.letter] ?? null,
      field: mapping.columns[c.letter] ?? null,
    })),
    mapping,
    missingRequired: missingForCreate(mapping, COLUMN_SETS[ledgerOf(r)]),
    /** The other kind of ledger when the header reads as that kind (a project ledger uploaded as reports). */
    suggestedLedger: stored && r.status !== 'committed' ? otherKindSuggested(stored.header.columns, ledgerOf(r)) : null,
    counts: counts
      ? {
          rows: counts.rows,
          create: counts.create,
          update: counts.update,
          unchanged: counts.unchanged,
          skipped: counts.skipped,
          errorRows: counts.errorRows,
          errors: counts.errors,
        }
      : null,
    errorCount: r.error_count,
    message: message ? translate(message.key, o.locale, message.params) : null,
    progress: o.progress,
    preview: o.preview?.map((r) => presentPreviewRow(r, o.locale)),
    errors: o.errors?.map((e) => presentRowError(e, o.locale)),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    committedAt: r.committed_at,
    links: {
      self: `/api/v1/imports/${r.id}`,
      errors: `/api/v1/imports/${r.id}/errors`,
      errorsXlsx: r.error_count > 0 && r.status !== 'committed' ? `/api/v1/imports/${r.id}/errors.xlsx` : null,
    },
  };
}

export type { ImportView };
