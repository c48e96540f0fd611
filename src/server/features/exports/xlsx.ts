import { DEFAULT_TIME_ZONE, localDateTime } from '../../../domain/calendar/local-date.ts';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * What every Lantern workbook shares: the content type, the file name header, cell formats, the
 * header style, column widths estimated from content, and dates as real Excel dates.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FORMATS = {
  /** 万元 with thousands separators and two decimals; the cell keeps the exact value to the 元. */
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  dateTime: 'yyyy-mm-dd hh:mm',
  integer: '0',
} as const;

/** `attachment` with the UTF-8 name (RFC 6266/5987) and a plain ASCII fallback for old clients. */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** 'YYYY-MM-DD' as a date cell: midnight UTC is exactly the Excel serial day, whatever the server's zone. */
export function excelDate(ymd: string | null | undefined): Date | null {
  if (!ymd) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/**
 * An ISO timestamp as a date-time cell showing the county's wall-clock time: Excel shows times as
 * they are written, Lantern stores UTC.
 */
export function excelDateTime(iso: string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const wall = localDateTime(new Date(t), timeZone);
  const seconds = new Date(t).getUTCSeconds();
  return new Date(`${wall.replace(' ', 'T')}:${String(seconds).padStart(2, '0')}.000Z`);
}

/**
 * How many '0'-widths a text takes in Excel's default font: CJK ideographs, kana, hangul and
 * full-width forms (（）、，：) count double.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

/** A column width that fits the widest of the texts, with a little air, within sensible bounds. */
export function fitWidth(texts: Iterable<string>, { min = 6, max = 60 } = {}): number {
  let widest = 0;
  for (const t of texts) widest = Math.max(widest, displayWidth(t));
  return Math.min(max, Math.max(min, widest + 2));
}

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Bold on a pale grey fill, centred and wrapped: the header row of every table Lantern writes. */
export function styleHeaderRow(row: ExcelJS.Row, count: number): void {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = BORDER;
  }
  row.height = 20;
}

/** The one frozen view: the first `rows` rows stay in place when scrolling. */
export const frozenRows = (rows: number): Partial<ExcelJS.WorksheetView>[] => [
  { state: 'frozen', xSplit: 0, ySplit: rows, topLeftCell: `A${rows + 1}`, activeCell: `A${rows + 1}` },
];

/**
 * A streaming workbook writing into a PassThrough that the HTTP reply reads. Rows committed to it
 * are serialised and zipped at once, so memory does not grow with the number of rows.
 */
export function streamingWorkbook(): { workbook: ExcelJS.stream.xlsx.WorkbookWriter; output: PassThrough } {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  return { workbook, output };
}

/**
 * Waits while the reader is behind: exceljs itself never pushes back, so the writer pauses between
 * batches until the reply has taken what is buffered (a slow download slows the export instead of
 * filling memory).
 */
export async function drained(output: Writable): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (output.writableNeedDrain && !output.destroyed) await Promise.race([once(output, 'drain'), once(output, 'close')]);
}

/** True once the reader has gone away (the download was cancelled): stop querying. */
export const isAbandoned = (output: Writable) => output.destroyed || output.writableEnded;
