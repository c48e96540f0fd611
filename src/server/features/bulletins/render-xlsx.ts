/**
 * A bulletin as an Excel workbook: sheet 「通报」 holds its tables exactly as Word and PDF print them
 * (the same BulletinTable layouts, headers with the column's one unit, the same formatted figures),
 * sheet 「明细」 the records behind each computed figure as of publication (bulletin-appendix.ts).
 *
 * A figure is written as a number only where its number format shows exactly the printed text
 * ('1,234.50' → 1234.5 shown '#,##0.00'); nothing is rounded again here. The file is the same bytes
 * on every download: the workbook's dates are the publication instant, and so is every zip entry's
 * time (JSZip, under ExcelJS, would stamp the time of rendering).
 */
import ExcelJS from 'exceljs';
import { localDateTime } from '../../../domain/calendar/local-date.ts';
import { toWanNumber } from '../../../domain/money/money.ts';
import { BORDER, displayWidth, excelDateTime, FORMATS, fitWidth, frozenRows, styleHeaderRow } from '../exports/xlsx.ts';
import type { BulletinAppendix } from './bulletin-appendix.ts';
import {
  formatChineseDate,
  placeHeader,
  racersLine,
  rankingTable,
  redProjectTable,
  type BulletinDocument,
  type BulletinTable,
} from './bulletin-document.ts';
import { stampZipEntries } from './zip-dates.ts';

/** GB/T 9704's red, as in the Word file's 红头. */
const RED = 'FFE60000';

/**
 * A printed figure as a cell that shows the same text: a plain decimal ('87.5', '1,234.50', '3') as a
 * number with as many decimals (and thousands separators if it had them); anything else ('—', '↑2',
 * '无目标', '-0.00') as the text itself.
 *
 *   figureCell('1,234.50') → { value: 1234.5, numFmt: '#,##0.00' };  figureCell('↑2') → { value: '↑2' }
 */
export function figureCell(text: string): { value: number | string; numFmt?: string } {
  const m = /^-?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { value: text };
  const value = Number(text.replace(/,/g, ''));
  // Excel shows no '-0.00', and beyond 15 digits a double no longer holds every digit.
  if ((value === 0 && text.startsWith('-')) || text.replace(/\D/g, '').length > 15) return { value: text };
  const decimals = m[2]?.length ?? 0;
  return { value, numFmt: `${m[1]!.includes(',') ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}` };
}

/** Renders the bulletin and its appendix as an .xlsx file; `timeZone` shows approval times in the county's time. */
export async function renderBulletinXlsx(
  doc: BulletinDocument,
  appendix: BulletinAppendix,
  { timeZone }: { timeZone: string },
): Promise<Buffer> {
  const at = new Date(doc.issuedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.issuer;
  workbook.lastModifiedBy = doc.issuer;
  workbook.title = doc.title;
  workbook.created = at;
  workbook.modified = at;
  workbook.lastPrinted = at;
  bulletinSheet(workbook.addWorksheet('通报'), doc);
  appendixSheet(workbook.addWorksheet('明细'), doc, appendix, timeZone);
  return stampZipEntries(Buffer.from(await workbook.xlsx.writeBuffer()), at);
}

/** A row of text across columns 1..width, merged: the issuer, the title, a caption, a line under a table. */
export function wideRow(
  sheet: ExcelJS.Worksheet,
  width: number,
  text: string,
  style: { font?: Partial<ExcelJS.Font>; align?: 'left' | 'center'; height?: number } = {},
) {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, width);
  const cell = row.getCell(1);
  if (style.font) cell.font = style.font;
  cell.alignment = { vertical: 'middle', horizontal: style.align ?? 'center', wrapText: true };
  if (style.height) row.height = style.height;
  return row;
}

/** Sheet 「通报」: 红头, 文号, title and 成文日期, then each table as the Word file has it. */
function bulletinSheet(sheet: ExcelJS.Worksheet, doc: BulletinDocument) {
  const tables = doc.groups.map((group, i) => rankingTable(group, i + 1, doc.periodLabel));
  // The red-project table spans the ranking's columns: 项目 over three, 单位 over two, 亮灯原因 the rest.
  const width = Math.max(6, ...tables.map((t) => t.columns.length));
  sheet.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  wideRow(sheet, width, doc.issuer, { font: { bold: true, size: 18, color: { argb: RED } }, height: 32 });
  wideRow(sheet, width, doc.docNumber);
  wideRow(sheet, width, doc.title, { font: { bold: true, size: 14 }, height: 26 });
  wideRow(sheet, width, `成文日期：${formatChineseDate(doc.publishedAt)}`);

  const widths: number[] = Array.from({ length: width }, () => 6);
  tables.forEach((table, i) => {
    sheet.addRow([]);
    writeTable(sheet, table, width);
    wideRow(sheet, width, racersLine(doc.groups[i]!), { align: 'left' });
    widenFor(widths, table);
  });
  sheet.addRow([]);
  if (doc.redProjects.length)
    writeRedTable(sheet, redProjectTable(doc.redProjects, doc.groups.length + 1), width, widths);
  else wideRow(sheet, width, '本期无亮红灯项目。', { align: 'left' });
  widths.forEach((w, c) => (sheet.getColumn(c + 1).width = w));
}

/** How a body cell's printed text becomes a cell value: by default figureCell; `col` is its 0-based column. */
export type CellOf = (text: string, col: number) => { value: number | string; numFmt?: string };

/** Widens `widths` so each column is as wide as its widest line: body cells and the header cells of that column alone. */
export function widenFor(widths: number[], table: BulletinTable) {
  const single = placeHeader(table.header).filter((p) => p.colSpan === 1);
  table.columns.forEach((_, c) => {
    const texts = [
      ...single.filter((p) => p.col === c).flatMap((p) => p.cell.text.split('\n')),
      ...table.body.map((r) => r[c] ?? ''),
    ];
    widths[c] = Math.max(widths[c] ?? 6, fitWidth(texts, { min: 6, max: 24 }));
  });
}

function borderedCell(
  cell: ExcelJS.Cell,
  text: string,
  align: 'left' | 'center',
  header = false,
  figure: { value: number | string; numFmt?: string } = header ? { value: text } : figureCell(text),
) {
  cell.value = figure.value;
  if (figure.numFmt) cell.numFmt = figure.numFmt;
  cell.border = BORDER;
  cell.alignment = { vertical: 'middle', horizontal: align, wrapText: header || align === 'left' };
  if (header) cell.font = { bold: true };
}

/**
 * A ranking table: caption, the header with its spans merged, the body as printed (the bulletin's
 * sheet and the ranking's export both write theirs here).
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  table: BulletinTable,
  width: number,
  cellOf: CellOf = (text) => figureCell(text),
) {
  wideRow(sheet, width, table.caption, { font: { bold: true } });
  const top = sheet.rowCount + 1;
  for (const placed of placeHeader(table.header)) {
    const r = top + placed.row;
    borderedCell(sheet.getCell(r, placed.col + 1), placed.cell.text, 'center', true);
    if (placed.colSpan > 1 || placed.rowSpan > 1)
      sheet.mergeCells(r, placed.col + 1, r + placed.rowSpan - 1, placed.col + placed.colSpan);
  }
  for (let r = 0; r < table.header.length; r++) sheet.getRow(top + r).height = 32;
  for (const cells of table.body) {
    const row = sheet.addRow([]);
    cells.forEach((text, c) => borderedCell(row.getCell(c + 1), text, table.columns[c]!.align, false, cellOf(text, c)));
  }
}

/** The red-project table across the sheet's columns; a row as tall as its longest wrapped text. */
function writeRedTable(sheet: ExcelJS.Worksheet, table: BulletinTable, width: number, widths: readonly number[]) {
  wideRow(sheet, width, table.caption, { font: { bold: true } });
  const spans: [number, number][] = [
    [1, 3],
    [4, 5],
    [6, width],
  ];
  const spanWidth = ([from, to]: [number, number]) => widths.slice(from - 1, to).reduce((a, b) => a + b, 0);
  const write = (texts: readonly string[], header: boolean) => {
    const row = sheet.addRow([]);
    let lines = 1;
    texts.forEach((text, i) => {
      const [from, to] = spans[i]!;
      // Cells under a merge keep the border, so the table is ruled all round.
      for (let c = from; c <= to; c++)
        borderedCell(row.getCell(c), c === from ? text : '', header ? 'center' : table.columns[i]!.align, header);
      sheet.mergeCells(row.number, from, row.number, to);
      lines = Math.max(lines, Math.ceil(displayWidth(text) / Math.max(1, spanWidth(spans[i]!) - 2)));
    });
    row.height = Math.max(20, lines * 15 + 4);
  };
  write(
    table.header[0]!.map((h) => h.text),
    true,
  );
  for (const cells of table.body) write(cells, false);
}

const APPENDIX_COLUMNS = [
  '单位',
  '指标',
  '项目名称',
  '项目代码',
  '月份',
  '版本',
  '金额（万元）',
  '审核时间',
  '审核人',
  '说明',
] as const;

/** Sheet 「明细」: one row per record and a total per unit and indicator; filterable, header frozen. */
function appendixSheet(sheet: ExcelJS.Worksheet, doc: BulletinDocument, appendix: BulletinAppendix, timeZone: string) {
  const width = APPENDIX_COLUMNS.length;
  wideRow(
    sheet,
    width,
    `${doc.title}（${doc.docNumber}）附表：各单位计算指标的数据明细，截至 ${localDateTime(new Date(appendix.asOf), timeZone)}（通报发布时）`,
    { font: { bold: true }, align: 'left', height: 24 },
  );
  styleHeaderRow(sheet.addRow([...APPENDIX_COLUMNS]), width);
  sheet.views = frozenRows(2);
  if (!appendix.rows.length) {
    wideRow(sheet, width, '本赛马的指标均为录入的统计数据，没有项目明细。', { align: 'left' });
  }
  for (const r of appendix.rows) {
    const row = sheet.addRow([
      r.unitName,
      r.indicator,
      r.projectName,
      r.projectCode,
      r.month,
      r.revision,
      r.amountYuan === null ? null : toWanNumber(r.amountYuan),
      excelDateTime(r.approvedAt, timeZone),
      r.approvedBy,
      r.note,
    ]);
    row.getCell(7).numFmt = FORMATS.money;
    row.getCell(8).numFmt = FORMATS.dateTime;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.alignment = {
        vertical: 'middle',
        horizontal: c === 7 ? 'right' : c >= 5 && c <= 8 ? 'center' : 'left',
        wrapText: c === 3 || c === 10,
      };
      if (r.kind === 'total') {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF7F7F7' } };
      }
    }
  }
  if (appendix.rows.length) sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };
  const texts = (c: number) => [
    APPENDIX_COLUMNS[c]!,
    ...appendix.rows
      .slice(0, 2000)
      .map(
        (r) => [r.unitName, r.indicator, r.projectName, r.projectCode, r.month, '', '', '', r.approvedBy, r.note][c]!,
      ),
  ];
  const fixed: Record<number, number> = { 5: 8, 6: 16, 7: 18 };
  for (let c = 0; c < width; c++)
    sheet.getColumn(c + 1).width = fixed[c] ?? fitWidth(texts(c), { min: 8, max: c === 9 ? 60 : 40 });
}
