// The filing grid's rows: what each cell starts from, how a cell is checked, the 序时进度 gap as typed,
// and the rows a save sends. Money is parsed by src/domain/money, the gap by src/domain/progress: the
// same functions the server uses.
import type { FilingRow } from '../../../api-reports';
import { MoneyError, parseWan, wanText, type Yuan } from '../../../../../src/domain/money/money';
import { gapToTimeProgress, yearCompletion } from '../../../../../src/domain/progress/time-progress';
import { checkReportText } from '../../../../../src/domain/reports/report-fields';

/** The cells a reporter types, in their column order. */
export const FILING_CELLS = ['amountWan', 'progressText', 'problems'] as const;
export type FilingCell = (typeof FILING_CELLS)[number];
export type RowValues = Record<FilingCell, string>;

/** A cell's problem as a message key of reports.json and its values. */
export interface CellError {
  /** The cell, or null for a problem of the whole row (a report already submitted, a project not the reporter's). */
  field: FilingCell | null;
  /** A message key (checked here), or the server's own message. */
  key?:
    | 'filing.error.amountRequired'
    | 'filing.error.amountFormat'
    | 'filing.error.amountAboveTotal'
    | 'filing.error.textTooLong';
  message?: string;
}

/** Whether the reporter may type into the row: nothing filed yet, or a draft or returned report. */
export const isEditable = (row: FilingRow) => row.can.file || row.can.edit;

/** What the cells start from: this month's report when there is one, else last month's texts to edit. */
export function initialValues(row: FilingRow): RowValues {
  if (row.report)
    return {
      amountWan: wanText(row.report.amountYuan),
      progressText: row.report.progressText,
      problems: row.report.problems,
    };
  return { amountWan: '', progressText: row.lastMonth?.progressText ?? '', problems: row.lastMonth?.problems ?? '' };
}

/** The amount typed, in 元; null when empty or not an amount. */
export function amountOf(values: RowValues): Yuan | null {
  if (values.amountWan.trim() === '') return null;
  try {
    return parseWan(values.amountWan);
  } catch {
    return null;
  }
}

/** The first problem of a row's cells, or null; an empty amount is one only when `required`. */
export function checkRow(row: FilingRow, values: RowValues, required: boolean): CellError | null {
  const text = values.amountWan.trim();
  if (text === '') return required ? { field: 'amountWan', key: 'filing.error.amountRequired' } : null;
  try {
    if (parseWan(text) > row.totalInvestmentYuan) return { field: 'amountWan', key: 'filing.error.amountAboveTotal' };
  } catch (e) {
    if (e instanceof MoneyError) return { field: 'amountWan', key: 'filing.error.amountFormat' };
    throw e;
  }
  for (const field of ['progressText', 'problems'] as const)
    if (checkReportText(field, values[field]) === 'TOO_LONG') return { field, key: 'filing.error.textTooLong' };
  return null;
}

/** The year-to-date with this month's amount, and its gap to 序时进度 in points (null without a plan). */
export function progressOf(row: FilingRow, values: RowValues, timeProgressPct: number) {
  const withMonth = row.yearToDateYuan + (amountOf(values) ?? 0);
  const completion = yearCompletion(withMonth, row.planYuan);
  return {
    yearToDateYuan: withMonth,
    completionPct: completion,
    gap: completion === null ? null : gapToTimeProgress(completion, timeProgressPct),
  };
}

/** Whether the values differ from what the row started with (a new row counts once its amount is typed). */
export function isChanged(row: FilingRow, values: RowValues): boolean {
  if (!row.report) return values.amountWan.trim() !== '';
  const start = initialValues(row);
  return FILING_CELLS.some((c) => start[c] !== values[c]);
}

/** The lines of a pasted block's first column (Excel copies rows as lines, cells split by tabs). */
export function pastedColumn(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.map((line) => line.split('\t')[0]!.trim());
}
