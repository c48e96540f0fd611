import { PROJECT_SET, type ColumnSet } from '../../../../domain/exchange/column-sets.ts';
import {
  detectHeader,
  headerAt,
  HEADER_SCAN_ROWS,
  isHeaderProblem,
  type DetectedHeader,
  type HeaderProblem,
  type SheetRow,
} from '../../../../domain/exchange/header-detect.ts';
import type { CellValue } from '../../../../domain/exchange/project-columns.ts';
import type { RawCell, RawRow } from '../../../../domain/exchange/row-validation.ts';
import { AppError } from '../../../http/errors.ts';
import { readLedgerRows, type FileKind, type SheetInfo } from './ledger-reader.ts';

/**
 * The head of a ledger: which sheet holds it and where its header is. Only the first rows are read.
 * Without a chosen sheet the first visible sheet with a recognisable header is taken, so a leading
 * "说明" (notes) sheet does not get in the way.
 */
export interface Analysis {
  sheets: SheetInfo[];
  sheet: string;
  header: DetectedHeader;
}

export type AnalysisProblem =
  (HeaderProblem & { sheet: string }) | { code: 'NO_SHEET'; sheet: string } | { code: 'DAMAGED' };

export const isAnalysisProblem = (x: Analysis | AnalysisProblem): x is AnalysisProblem => 'code' in x;

/** Header cells shown as text: a formula by its cached result or nothing. */
const asHeaderCell = (c: RawCell): CellValue =>
  c !== null && typeof c === 'object' && !(c instanceof Date) ? null : c;

async function headOf(file: string, kind: FileKind, sheet: string | null, until: number) {
  let sheets: SheetInfo[] = [];
  const rows: SheetRow[] = [];
  let seen = false;
  const reader = readLedgerRows(file, kind, { sheet, untilRow: until, onSheets: (s) => (sheets = s) });
  for await (const raw of reader as AsyncIterable<RawRow>) {
    seen = true;
    if (raw.row > until) break;
    rows.push({ row: raw.row, cells: raw.cells.map(asHeaderCell) });
  }
  return { sheets, rows, seen };
}

/** Finds the sheet and header; `headerRow` forces the header's row, `sheet` the sheet. */
export async function analyseLedger(
  file: string,
  kind: FileKind,
  options: { sheet: string | null; headerRow?: number | null; set?: ColumnSet },
): Promise<Analysis | AnalysisProblem> {
  const until = Math.max(HEADER_SCAN_ROWS, (options.headerRow ?? 0) + 1);
  const set = options.set ?? PROJECT_SET;
  const detect = (rows: SheetRow[]) =>
    options.headerRow ? headerAt(rows, options.headerRow) : detectHeader(rows, { set });
  try {
    const first = await headOf(file, kind, options.sheet, until);
    const sheets = first.sheets;
    const visible = sheets.filter((s) => !s.hidden);
    const firstName = options.sheet ?? visible[0]?.name ?? sheets[0]?.name ?? 'Sheet1';
    if (options.sheet && !sheets.some((s) => s.name === options.sheet))
      return { code: 'NO_SHEET', sheet: options.sheet };
    const found = detect(first.rows);
    if (!isHeaderProblem(found) || options.sheet)
      return isHeaderProblem(found) ? { ...found, sheet: firstName } : { sheets, sheet: firstName, header: found };
    for (const other of visible.slice(1)) {
      const next = await headOf(file, kind, other.name, until);
      const h = detect(next.rows);
      if (!isHeaderProblem(h)) return { sheets, sheet: other.name, header: h };
    }
    return { ...found, sheet: firstName };
  } catch (e) {
    // A package over its limits is refused as such (xlsx-package.ts), naming the part.
    if (e instanceof AppError) throw e;
    // exceljs and unzipper throw plain errors on a damaged package (bad signature, truncated entry).
    return { code: 'DAMAGED' };
  }
}
