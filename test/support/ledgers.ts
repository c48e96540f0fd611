import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/**
 * Ledger workbooks made the way county offices lay them out: a merged title line, a unit note, a
 * header (one or two rows), then rows. Written with exceljs's streaming writer, so the same helper
 * makes a 10-row test file and a 100,000-row benchmark file.
 */
export type LedgerCell =
  string | number | Date | null | { formula: string; result?: number | string } | { numFmt: string; value: number };

export interface LedgerSpec {
  title?: string | null;
  note?: string | null;
  /** One header row, or two: a group row above (null where a cell is merged from the left or above). */
  header: (string | null)[];
  groupRow?: (string | null)[];
  rows: Iterable<LedgerCell[]>;
  sheetName?: string;
  /** Sheets written before the ledger's own (e.g. a notes sheet). */
  before?: { name: string; rows: (string | null)[][] }[];
}

export const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-ledger-'));

export async function writeLedger(file: string, spec: LedgerSpec): Promise<string> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  for (const extra of spec.before ?? []) {
    const ws = wb.addWorksheet(extra.name);
    extra.rows.forEach((r) => ws.addRow(r).commit());
    ws.commit();
  }
  const ws = wb.addWorksheet(spec.sheetName ?? '项目台账');
  const width = spec.header.length;
  let r = 1;
  if (spec.title) {
    ws.getRow(r).getCell(1).value = spec.title;
    if (width > 1) ws.mergeCells(r, 1, r, width);
    ws.getRow(r).commit();
    r++;
  }
  if (spec.note) {
    ws.getRow(r).getCell(Math.max(1, width - 1)).value = spec.note;
    ws.getRow(r).commit();
    r++;
  }
  if (spec.groupRow) {
    const row = ws.getRow(r);
    spec.groupRow.forEach((v, i) => v !== null && (row.getCell(i + 1).value = v));
    row.commit();
    r++;
  }
  const header = ws.getRow(r);
  spec.header.forEach((v, i) => v !== null && (header.getCell(i + 1).value = v));
  header.commit();
  r++;
  for (const cells of spec.rows) {
    const row = ws.getRow(r++);
    cells.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const cell = row.getCell(i + 1);
      if (v instanceof Date) {
        cell.value = v;
        cell.numFmt = 'yyyy-mm-dd';
      } else if (typeof v === 'object' && 'numFmt' in v) {
        cell.value = v.value;
        cell.numFmt = v.numFmt;
      } else cell.value = v as ExcelJS.CellValue;
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return file;
}

/** A date as Excel stores it: UTC midnight of the day. */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
