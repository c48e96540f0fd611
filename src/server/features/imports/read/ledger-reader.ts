import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Transform, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawCell, RawRow } from '../../../../domain/exchange/row-validation.ts';
import { readCsvRows } from './csv-reader.ts';
import { openPackage, readPart, readSlice, type ZipEntry } from './xlsx-package.ts';

/**
 * Reading ledgers as a stream of rows, whatever their size: .xlsx through exceljs's streaming
 * WorkbookReader (one row in memory at a time; shared strings cached, styles read so that date
 * cells arrive as dates), .csv through csv-reader.ts. First the file is told apart from what people
 * upload by mistake: an old .xls, a password-protected workbook (an encrypted OLE container), a
 * Word file, an empty file.
 */
export type FileKind = 'xlsx' | 'csv';
export type FileProblem = 'EMPTY' | 'ENCRYPTED' | 'XLS' | 'NOT_EXCEL';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream names of an encrypted OOXML package inside its OLE container, in UTF-16LE. */
const ENCRYPTED_MARKS = ['EncryptionInfo', 'EncryptedPackage'].map((s) => Buffer.from(s, 'utf16le'));
const WINDOW = 64 * 1024;

/** Whether any of the needles occurs in the file, read in overlapping windows. */
async function fileContains(file: string, needles: Buffer[]): Promise<boolean> {
  const overlap = Math.max(...needles.map((n) => n.length));
  let tail = Buffer.alloc(0);
  for await (const chunk of fs.createReadStream(file, { highWaterMark: WINDOW })) {
    const window = Buffer.concat([tail, chunk as Buffer]);
    if (needles.some((n) => window.includes(n))) return true;
    tail = window.subarray(Math.max(0, window.length - overlap));
  }
  return false;
}

/** What the file is, judged by its bytes (the name's extension only breaks a tie for text). */
export async function sniffFile(
  file: string,
  fileName: string,
): Promise<{ kind: FileKind } | { problem: FileProblem }> {
  const size = (await fs.promises.stat(file)).size;
  if (size === 0) return { problem: 'EMPTY' };
  const head = await readSlice(file, 0, Math.min(size, WINDOW));
  if (head.subarray(0, 4).equals(ZIP)) {
    // An Office package lists its parts by name; a workbook has xl/…, a Word file word/….
    const tail = size > WINDOW ? await readSlice(file, size - WINDOW, WINDOW) : head;
    return head.includes('xl/') || tail.includes('xl/') ? { kind: 'xlsx' } : { problem: 'NOT_EXCEL' };
  }
  if (head.subarray(0, 8).equals(OLE))
    return { problem: (await fileContains(file, ENCRYPTED_MARKS)) ? 'ENCRYPTED' : 'XLS' };
  const isText = !head.includes(0) || /\.(csv|txt)$/i.test(fileName);
  if (isText && (/\.(csv|txt)$/i.test(fileName) || /[,\t]/.test(head.toString('latin1')))) return { kind: 'csv' };
  return { problem: 'NOT_EXCEL' };
}

/** Progress of a read: bytes consumed so far, of how many when known. */
export type OnBytes = (bytes: number, total: number | null) => void;

function countingStream(file: string, onBytes?: OnBytes) {
  let bytes = 0;
  const total = fs.statSync(file).size;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      onBytes?.(bytes, total);
      done(null, chunk);
    },
  });
  const source = fs.createReadStream(file, { highWaterMark: WINDOW });
  source.on('error', (e) => counter.destroy(e));
  // A reader that stops early (the head of a ledger) closes the file too.
  counter.on('close', () => source.destroy());
  return source.pipe(counter);
}

/** An exceljs cell value as the domain reads it: rich text joined, formulas replaced by their cached result. */
export function toRawCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
  if ('formula' in o || 'sharedFormula' in o) {
    const formula = String(o.formula || o.sharedFormula || '');
    if (!('result' in o) || o.result === undefined) return { formula: formula || '共享公式' };
    const r = o.result;
    if (typeof r === 'number' && Number.isNaN(r)) return { error: '（公式计算出错）' };
    if (r !== null && typeof r === 'object' && 'error' in (r as object))
      return { error: String((r as { error: unknown }).error) };
    return toRawCell(r);
  }
  if ('error' in o) return { error: String(o.error) };
  if ('text' in o) return String(o.text);
  return null;
}

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

/*
 * exceljs's own streaming pass (WorkbookReader.parse over unzipper.Parse) intermittently loses the
 * last entries of a package on Node ≥ 18 (exceljs issue #3064): exceljs and Excel both store
 * sharedStrings.xml, and exceljs workbook.xml too, after the sheets, so cells arrive as
 * { sharedString: n } and the sheet has no name. Lantern therefore opens the package through its
 * central directory (unzipper, the zip library exceljs itself depends on), parses the workbook,
 * relationships, shared strings and styles first with exceljs's own parsers, and then streams the
 * chosen sheet row by row through exceljs's WorksheetReader. Memory holds the shared strings and
 * one row, as before. The package is opened and its parts inflated within limits (xlsx-package.ts):
 * a decompression bomb is refused with a 400 naming the part before it costs time or memory.
 */
const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
/** exceljs's sheet parser; parse() gives the events of each chunk of XML, rows among them. */
type SheetEvents = AsyncIterable<{ eventType: string; value: unknown }[]>;
const WorksheetReader = fromExceljs('./lib/stream/xlsx/worksheet-reader.js') as new (o: {
  workbook: unknown;
  id: number;
  iterator: AsyncIterable<unknown>;
  options: unknown;
}) => { parse(): SheetEvents };
const iterateStream = fromExceljs('./lib/utils/iterate-stream.js') as (s: Readable) => AsyncIterable<unknown>;

/** The parts of WorkbookReader used here: its parsers, fed one zip entry at a time. */
interface BookParts {
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  sharedStrings?: unknown[];
  options: unknown;
  _parseRels(s: Readable): Promise<void>;
  _parseWorkbook(s: Readable): Promise<void>;
  _parseSharedStrings(s: Readable): AsyncIterable<unknown>;
  _parseStyles(s: Readable): Promise<void>;
}

/** Bytes of a workbook's shared-string table, uncompressed: what reading it will hold in memory (about twice). */
export async function sharedStringBytes(file: string): Promise<number> {
  return (await openPackage(file)).entry('xl/sharedStrings.xml')?.uncompressedSize ?? 0;
}

/** The options of a read: `untilRow` reads only the head, up to that row and the first row after it. */
export interface ReadOptions {
  sheet: string | null;
  onBytes?: OnBytes;
  onSheets?: (sheets: SheetInfo[]) => void;
  untilRow?: number;
}

/**
 * The rows of a worksheet, in order, with their sheet row numbers (empty rows are not listed), in
 * runs as exceljs parses them: one per chunk of the sheet's XML, so that a large sheet is not handed
 * over a promise per row through each async generator on the way. `sheet` names the sheet; null takes
 * the first visible one. `onSheets` receives every sheet of the workbook; `onBytes` the bytes of the
 * sheet's XML read so far and in all.
 */
/**
 * A part of the package as text. exceljs (4.4) decodes each chunk of XML on its own, so a Chinese
 * character whose three UTF-8 bytes straddle two chunks became two U+FFFD — about one string in five
 * hundred of a large ledger. A stream with an encoding hands over strings decoded across chunk
 * boundaries (StringDecoder), which exceljs takes as they are.
 */
function asText<T extends Readable>(stream: T): T {
  stream.setEncoding('utf8');
  return stream;
}

export async function* readXlsxRowRuns(file: string, options: ReadOptions): AsyncGenerator<RawRow[]> {
  // Every part is read through readPart, which stops at its declared size; openPackage checked those.
  const { entry } = await openPackage(file);
  const head = options.untilRow !== undefined;
  const book = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: head ? 'emit' : 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as BookParts;
  const rels = entry('xl/_rels/workbook.xml.rels');
  const workbook = entry('xl/workbook.xml');
  if (!rels || !workbook) throw new Error('not a workbook: xl/workbook.xml is missing');
  await book._parseRels(asText(readPart(rels)));
  await book._parseWorkbook(asText(readPart(workbook)));
  const strings = entry('xl/sharedStrings.xml');
  if (head) book.sharedStrings = undefined;
  else if (strings) for await (const _ of book._parseSharedStrings(asText(readPart(strings))));
  else book.sharedStrings = [];
  const styles = entry('xl/styles.xml');
  if (styles) await book._parseStyles(asText(readPart(styles)));

  const sheets = (book.model?.sheets ?? []).map((s) => {
    const target = book.workbookRels?.find((r) => r.Id === s.rId)?.Target ?? '';
    return {
      name: s.name,
      id: s.id,
      hidden: !!s.state && s.state !== 'visible',
      path: target.startsWith('/') ? target.slice(1) : `xl/${target}`,
    };
  });
  options.onSheets?.(sheets.map(({ name, hidden }) => ({ name, hidden })));
  const chosen = options.sheet === null ? sheets.find((s) => !s.hidden) : sheets.find((s) => s.name === options.sheet);
  const part = chosen && entry(chosen.path);
  if (!chosen || !part) return;

  const source = readPart(part, options.onBytes);
  const reader = new WorksheetReader({
    workbook: book,
    id: chosen.id,
    iterator: iterateStream(asText(source)),
    options: book.options,
  });
  try {
    if (head) yield await headRows(reader.parse(), book, strings, options.untilRow!);
    else {
      for await (const events of reader.parse()) {
        const run: RawRow[] = [];
        for (const { eventType, value } of events)
          if (eventType === 'row')
            run.push({
              row: (value as ExcelJS.Row).number,
              cells: cellsOf((value as ExcelJS.Row).values as unknown[]),
            });
        if (run.length) yield run;
      }
    }
  } finally {
    source.destroy();
  }
}

/** The rows of a worksheet one at a time; see readXlsxRowRuns. */
export async function* readXlsxRows(file: string, options: ReadOptions): AsyncGenerator<RawRow> {
  for await (const run of readXlsxRowRuns(file, options)) yield* run;
}

const isStringRef = (v: unknown): v is { sharedString: number } =>
  typeof v === 'object' && v !== null && typeof (v as { sharedString?: unknown }).sharedString === 'number';

/** A row's cells from exceljs's values (1-based); in a head, shared strings looked up in `table`. */
function cellsOf(values: unknown[], table?: unknown[]): RawCell[] {
  const cells: RawCell[] = new Array(Math.max(0, values.length - 1));
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    cells[i - 1] = toRawCell(table && isStringRef(v) ? table[v.sharedString] : v);
  }
  return cells;
}

/**
 * The head of a sheet — its rows up to `untilRow` and the first row after it — with the shared
 * strings those rows use. The rows are read first, their cells holding string numbers, and the string
 * table only as far as the highest number: a large ledger's table holds every distinct text of the
 * sheet (tens of MB, most of a large file's reading), and finding its header needs the first few.
 */
async function headRows(
  events: SheetEvents,
  book: BookParts,
  strings: ZipEntry | undefined,
  untilRow: number,
): Promise<RawRow[]> {
  const rows: { row: number; values: unknown[] }[] = [];
  let highest = -1;
  read: for await (const batch of events) {
    for (const { eventType, value } of batch) {
      if (eventType !== 'row') continue;
      const values = (value as ExcelJS.Row).values as unknown[];
      for (const v of values) if (isStringRef(v)) highest = Math.max(highest, v.sharedString);
      rows.push({ row: (value as ExcelJS.Row).number, values });
      if ((value as ExcelJS.Row).number > untilRow) break read;
    }
  }
  const table: unknown[] = [];
  if (strings && highest >= 0) {
    const source = readPart(strings);
    try {
      for await (const s of book._parseSharedStrings(asText(source)) as AsyncIterable<{ text: unknown }>) {
        table.push(s.text);
        if (table.length > highest) break;
      }
    } finally {
      source.destroy();
    }
  }
  return rows.map((r) => ({ row: r.row, cells: cellsOf(r.values, table) }));
}

/** Rows of an .xlsx or .csv ledger in runs (a CSV's one at a time). */
export async function* readLedgerRowRuns(file: string, kind: FileKind, options: ReadOptions): AsyncGenerator<RawRow[]> {
  if (kind === 'xlsx') return yield* readXlsxRowRuns(file, options);
  for await (const row of readLedgerRows(file, kind, options)) yield [row];
}

/** Rows of an .xlsx or .csv ledger. */
export function readLedgerRows(file: string, kind: FileKind, options: ReadOptions): AsyncGenerator<RawRow> {
  if (kind === 'csv') {
    options.onSheets?.([{ name: 'CSV', hidden: false }]);
    return readCsvRows(countingStream(file, options.onBytes));
  }
  return readXlsxRows(file, options);
}
