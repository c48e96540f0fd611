import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { columnLetter } from '../../../../domain/exchange/header-detect.ts';
import type { RawCell, RawRow, RowError } from '../../../../domain/exchange/row-validation.ts';

/**
 * The ledger handed back with its problems marked: every row copied as read (values, not the
 * original formatting), each cell in error filled red with a comment saying what is wrong, and a last
 * column "导入错误" summing up the row's problems for those whose viewer hides comments. Written with
 * exceljs's streaming WorkbookWriter, so a 100,000-row ledger never sits in memory.
 */
export const ERROR_FILL = 'FFFFC7CE';
export const ERROR_FONT = 'FF9C0006';

const fill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: ERROR_FILL } };
const font: Partial<ExcelJS.Font> = { color: { argb: ERROR_FONT } };

function toValue(cell: RawCell): ExcelJS.CellValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    if ('formula' in cell) return { formula: cell.formula } as ExcelJS.CellFormulaValue;
    return cell.error;
  }
  return cell;
}

export interface ErrorWorkbookInput {
  sheetName: string;
  rows: AsyncIterable<RawRow>;
  /** Every error, in row order. */
  errors: AsyncIterable<RowError>;
  headerRow: number;
  /** Columns the header spans: the summary column goes right after them. */
  width: number;
  out: Writable;
}

export async function writeErrorWorkbook(o: ErrorWorkbookInput): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: o.out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(o.sheetName.slice(0, 31) || '台账', { views: [{ state: 'frozen', ySplit: o.headerRow }] });
  const summaryIndex = o.width + 1;
  ws.columns = Array.from({ length: summaryIndex }, (_, i) => ({ width: i + 1 === summaryIndex ? 60 : 16 }));

  const errorIt = o.errors[Symbol.asyncIterator]();
  let nextError = await errorIt.next();
  for await (const raw of o.rows) {
    const row = ws.getRow(raw.row);
    raw.cells.forEach((c, i) => {
      const v = toValue(c);
      if (v !== null) row.getCell(i + 1).value = v;
    });
    if (raw.row === o.headerRow) row.getCell(summaryIndex).value = '导入错误';
    const mine: RowError[] = [];
    while (!nextError.done && nextError.value.row <= raw.row) {
      if (nextError.value.row === raw.row) mine.push(nextError.value);
      nextError = await errorIt.next();
    }
    if (mine.length) {
      const byCell = new Map<string, string[]>();
      for (const e of mine) byCell.set(e.cell, [...(byCell.get(e.cell) ?? []), e.message]);
      for (const [ref, messages] of byCell) {
        const cell = ws.getCell(ref);
        cell.fill = fill;
        cell.font = font;
        cell.note = messages.join('\n');
      }
      const summary = row.getCell(summaryIndex);
      summary.value = mine.map((e) => `${e.cell}（${e.column}）：${e.message}`).join('；');
      summary.font = font;
    }
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

/** The header letter of the summary column, for tests and messages. */
export const summaryColumnLetter = (width: number) => columnLetter(width);
