/**
 * Finding the header of a ledger. Ledgers rarely start with it: a title line (often merged across
 * the sheet), a unit note ("单位：万元"), a date line; headers often take two rows, a group cell
 * ("投资情况（万元）") merged above its parts ("总投资", "其中固投"). A reader passes the first rows of
 * the sheet; merged cells arrive as their top-left cell with blanks beside or below it.
 */
import { PROJECT_SET, type ColumnSet } from './column-sets.ts';
import { matchHeader } from './mapping.ts';
import { cellText, moneyUnitOf, type CellValue, type MoneyUnit } from './project-columns.ts';
import { readableText } from '../text/text-rules.ts';

/** One row as read: its number in the sheet (1-based) and its cells from column A. */
export interface SheetRow {
  row: number;
  cells: readonly CellValue[];
}

export interface HeaderColumn {
  /** 0-based column index. */
  index: number;
  /** The column as Excel names it: A, B, …, Z, AA, … */
  letter: string;
  /** The header as the person sees it (the lower cell of a two-row header). */
  header: string;
  /** The group cell above it in a two-row header, when different: it may name the unit (万元). */
  group: string | null;
}

export interface DetectedHeader {
  /** The header's (last) row; data starts below, at dataStartRow. */
  headerRow: number;
  headerRows: number[];
  dataStartRow: number;
  columns: HeaderColumn[];
  /** A unit note above the header ("单位：亿元"), applied to money columns whose header names none. */
  unitNote: MoneyUnit | null;
  /** The text above the header (the title), for display. */
  title: string | null;
}

export type HeaderProblem =
  | { code: 'EMPTY' }
  | { code: 'TITLE_ONLY'; title: string }
  | { code: 'NO_HEADER' }
  | { code: 'TOO_MANY_COLUMNS'; count: number; max: number };

/** How many rows from the top the header is looked for in. */
export const HEADER_SCAN_ROWS = 30;
/** Ledgers have a few dozen columns; beyond this a sheet is not a ledger (or is damaged). */
export const MAX_COLUMNS = 200;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The cell reference Excel shows: (3, 17) → D17. */
export const cellRef = (index: number, row: number) => `${columnLetter(index)}${row}`;

// Header cells are only matched and shown: a control character or broken byte in one becomes "_".
const textsOf = (row: SheetRow) => row.cells.map((c) => readableText(cellText(c)));
const nonEmpty = (texts: string[]) => texts.filter((t) => t !== '').length;

/** Distinct fields the texts name. */
function score(texts: readonly string[], set: ColumnSet): number {
  const fields = new Set(texts.map((t) => (t ? matchHeader(t, set) : null)).filter(Boolean));
  return fields.size;
}

/** The two rows of a two-row header as one: the lower cell where present, else the upper one. */
function combine(upper: string[], lower: string[]): { header: string; group: string | null }[] {
  const width = Math.max(upper.length, lower.length);
  const out: { header: string; group: string | null }[] = [];
  let carried: string | null = null;
  for (let i = 0; i < width; i++) {
    const up = upper[i] ?? '';
    const low = lower[i] ?? '';
    // A group cell merged across its parts covers the blanks to its right (until the next group).
    if (up) carried = up;
    else if (!low) carried = null;
    const header = low || up;
    out.push({ header, group: low && carried && carried !== low ? carried : null });
  }
  return out;
}

const UNIT_NOTE = /单位[:：]?\s*(亿元|万元|元)/;
/** A row that numbers the columns (1, 2, 3… or 栏次) directly under a header. */
function isNumberingRow(texts: string[]): boolean {
  const filled = texts.filter(Boolean);
  if (filled.length < 2) return false;
  if (filled[0] === '栏次' || filled[0] === '甲') return true;
  return filled.every((t, i) => t === String(i + 1) || t === `(${i + 1})` || t === `（${i + 1}）`);
}

/**
 * Finds the header among the first rows: the row naming the most known fields (at least two), merged
 * with the row above or below it when that names more together.
 */
export function detectHeader(
  rows: readonly SheetRow[],
  { maxColumns = MAX_COLUMNS, set = PROJECT_SET }: { maxColumns?: number; set?: ColumnSet } = {},
): DetectedHeader | HeaderProblem {
  const scanned = rows.slice(0, HEADER_SCAN_ROWS).map((r) => ({ row: r.row, texts: textsOf(r) }));
  const filled = scanned.filter((r) => nonEmpty(r.texts) > 0);
  if (!filled.length) return { code: 'EMPTY' };

  let best = -1;
  let bestScore = 1;
  scanned.forEach((r, i) => {
    const s = score(r.texts, set);
    if (s > bestScore) [best, bestScore] = [i, s];
  });
  if (best < 0) {
    if (filled.every((r) => nonEmpty(r.texts) <= 1))
      return { code: 'TITLE_ONLY', title: filled[0]!.texts.find(Boolean)! };
    return { code: 'NO_HEADER' };
  }

  // A header row with a thousand filled cells is a damaged or machine-made sheet, not a ledger.
  const width = scanned[best]!.texts.length;
  const count = nonEmpty(scanned[best]!.texts);
  if (count > maxColumns || width > maxColumns * 5)
    return { code: 'TOO_MANY_COLUMNS', count: Math.max(count, width), max: maxColumns };

  const candidates: { rows: number[]; cols: { header: string; group: string | null }[] }[] = [
    { rows: [best], cols: scanned[best]!.texts.map((header) => ({ header, group: null })) },
  ];
  const adjacent = (i: number) =>
    scanned[i] && scanned[i]!.row === scanned[best]!.row + (i - best) ? scanned[i] : undefined;
  const above = adjacent(best - 1);
  const below = adjacent(best + 1);
  if (above && nonEmpty(above.texts) > 1)
    candidates.push({ rows: [best - 1, best], cols: combine(above.texts, scanned[best]!.texts) });
  if (below && nonEmpty(below.texts) > 0 && !isNumberingRow(below.texts))
    candidates.push({ rows: [best, best + 1], cols: combine(scanned[best]!.texts, below.texts) });
  const scored = candidates.map((c) => ({
    ...c,
    score: score(
      c.cols.map((x) => x.header),
      set,
    ),
  }));
  const chosen = scored.reduce((a, b) => (b.score > a.score ? b : a));

  const headerRows = chosen.rows.map((i) => scanned[i]!.row);
  const lastIndex = chosen.rows.at(-1)!;
  const next = scanned[lastIndex + 1];
  const skipNumbering = next && next.row === headerRows.at(-1)! + 1 && isNumberingRow(next.texts);
  const above0 = scanned.slice(0, chosen.rows[0]);
  const note = above0.map((r) => r.texts.join(' ')).find((t) => UNIT_NOTE.test(t));
  const title = above0.map((r) => r.texts.find(Boolean)).find(Boolean) ?? null;
  const columns: HeaderColumn[] = [];
  chosen.cols.forEach((c, index) => {
    if (c.header) columns.push({ index, letter: columnLetter(index), header: c.header, group: c.group });
  });
  return {
    headerRow: headerRows.at(-1)!,
    headerRows,
    dataStartRow: headerRows.at(-1)! + (skipNumbering ? 2 : 1),
    columns,
    unitNote: note ? moneyUnitOf(UNIT_NOTE.exec(note)![1]!) : null,
    title,
  };
}

export const isHeaderProblem = (x: DetectedHeader | HeaderProblem): x is HeaderProblem => 'code' in x;

/** The header a person chose by its row number (one row), when detection picked the wrong one. */
export function headerAt(
  rows: readonly SheetRow[],
  headerRow: number,
  { maxColumns = MAX_COLUMNS } = {},
): DetectedHeader | HeaderProblem {
  const found = rows.find((r) => r.row === headerRow);
  const texts = found ? textsOf(found) : [];
  if (!nonEmpty(texts)) return { code: 'NO_HEADER' };
  if (nonEmpty(texts) > maxColumns) return { code: 'TOO_MANY_COLUMNS', count: nonEmpty(texts), max: maxColumns };
  const above = rows.filter((r) => r.row < headerRow).map((r) => textsOf(r));
  const note = above.map((t) => t.join(' ')).find((t) => UNIT_NOTE.test(t));
  return {
    headerRow,
    headerRows: [headerRow],
    dataStartRow: headerRow + 1,
    columns: texts.flatMap((header, index) =>
      header ? [{ index, letter: columnLetter(index), header, group: null }] : [],
    ),
    unitNote: note ? moneyUnitOf(UNIT_NOTE.exec(note)![1]!) : null,
    title: above.map((t) => t.find(Boolean)).find(Boolean) ?? null,
  };
}
