import { MAX_ID } from './common.ts';
/**
 * 台账导入: a ledger (projects or monthly reports) uploaded, its columns mapped to fields, checked in a
 * dry run and committed in one transaction; the errors by row, and the ledger with its errors marked.
 */
import { z } from 'zod';
import { COLUMN_SETS, LEDGER_KINDS } from '../domain/exchange/column-sets.ts';
import { DEFAULTABLE_FIELDS } from '../domain/exchange/mapping.ts';
import type { LedgerField } from '../domain/exchange/project-columns.ts';
import { REPORT_IMPORT_STATES } from '../domain/exchange/report-import-rules.ts';

/** Every field of either kind of ledger; a mapping is checked against its own kind's fields. */
const FIELDS = [...new Set(Object.values(COLUMN_SETS).flatMap((set) => set.columns.map((c) => c.field)))] as [
  LedgerField,
  ...LedgerField[],
];
export const ledgerField = z.enum(FIELDS);
export const importOptions = z.strictObject({ reportState: z.enum(REPORT_IMPORT_STATES).optional() });
const cellValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);

/** One problem of one row, named as Excel names the cell (D17). */
export const rowError = z.object({ row: z.number(), cell: z.string(), column: z.string(), message: z.string() });
export type RowError = z.output<typeof rowError>;

export const importCounts = z.object({
  rows: z.number(),
  create: z.number(),
  update: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
  errorRows: z.number(),
  errors: z.number(),
});
export type ImportCounts = z.output<typeof importCounts>;

export const importProgress = z.object({
  phase: z.enum(['checking', 'writing', 'lights', 'done']),
  rowsRead: z.number(),
  rowsTotal: z.number().nullable(),
  written: z.number(),
  toWrite: z.number().nullable(),
  percent: z.number().nullable().describe('0–100 when the server can tell'),
});
export type ImportProgress = z.output<typeof importProgress>;

export const importStatus = z.enum([
  'uploaded',
  'checking',
  'checked',
  'invalid',
  'committing',
  'committed',
  'failed',
  'interrupted',
]);
export type ImportStatus = z.output<typeof importStatus>;

export const rowAction = z.enum(['create', 'update', 'unchanged', 'invalid']);
export type RowAction = z.output<typeof rowAction>;

export const importColumn = z.object({
  letter: z.string(),
  header: z.string(),
  group: z.string().nullable().describe('the merged cell above a two-row header’s part (投资情况（万元）)'),
  proposedField: ledgerField.nullable(),
  field: ledgerField.nullable(),
});
export type ImportColumn = z.output<typeof importColumn>;

export const importMapping = z.object({
  columns: z.record(z.string(), ledgerField),
  defaults: z.record(z.string(), z.string()),
});

export const previewRow = z.object({
  row: z.number(),
  action: rowAction,
  values: z.record(z.string(), cellValue),
  display: z.record(z.string(), z.string()).describe('the values as a person reads them (亿元, labels)'),
  errors: z.array(rowError),
});
export type PreviewRow = z.output<typeof previewRow>;

/** An import as GET /imports/{id} answers it (the upload and mapping answers add the preview). */
export const importView = z.object({
  id: z.number(),
  unitId: z.number(),
  unitName: z.string().nullable(),
  fileName: z.string(),
  ledger: z.enum(LEDGER_KINDS),
  options: z.object({ reportState: z.enum(REPORT_IMPORT_STATES).optional() }),
  fileKind: z.string(),
  fileBytes: z.number(),
  status: importStatus,
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  title: z.string().nullable(),
  headerRow: z.number().nullable(),
  headerRows: z.array(z.number()),
  dataStartRow: z.number().nullable(),
  columns: z.array(importColumn),
  mapping: importMapping,
  missingRequired: z.array(ledgerField),
  suggestedLedger: z.enum(LEDGER_KINDS).nullable(),
  counts: importCounts.nullable(),
  errorCount: z.number(),
  message: z.string().nullable(),
  progress: importProgress.nullable(),
  preview: z.array(previewRow).optional(),
  errors: z.array(rowError).optional(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  committedAt: z.string().nullable(),
  links: z.object({ self: z.string(), errors: z.string(), errorsXlsx: z.string().nullable() }),
});
export type ImportView = z.output<typeof importView>;

export const importMappingBody = z.strictObject({
  sheet: z.string().trim().min(1).max(100).optional(),
  headerRow: z.number().int().min(1).max(1000).optional(),
  /** Column letter → field, or null to leave the column out. */
  columns: z.record(z.string().regex(/^[A-Z]{1,3}$/), ledgerField.nullable()),
  defaults: z
    .partialRecord(z.enum([...DEFAULTABLE_FIELDS, 'reportPeriod']), z.string().trim().max(30).nullable())
    .optional(),
  save: z.boolean().optional(),
  /** Monthly-report ledgers: the state imported reports take (draft, submitted, approved). */
  options: importOptions.optional(),
});
export type ImportMappingBody = z.input<typeof importMappingBody>;

export const importRunQuery = z.object({
  wait: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});
export const importListQuery = z.object({
  unitId: z.coerce.number().int().positive().max(MAX_ID).optional(),
  cursor: z.coerce.number().int().positive().max(MAX_ID).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const importListResponse = z.object({ items: z.array(importView), nextCursor: z.string().nullable() });
export type ImportListResponse = z.output<typeof importListResponse>;

export const importErrorsQuery = z.object({
  cursor: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export const importErrorsResponse = z.object({ items: z.array(rowError), nextCursor: z.string().nullable() });
export type ImportErrorsResponse = z.output<typeof importErrorsResponse>;
