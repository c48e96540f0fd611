/**
 * How a bulletin table is fitted to the page, shared by the Word and PDF renderers so both lay it out
 * alike: which pieces of a cell may be split across lines, the font size of the table and its column
 * widths. The rule the layout keeps is that a number, a score or a unit's name never breaks; only
 * text columns (project names, reasons) and spanning header labels wrap, and only between pieces.
 */
import { placeHeader, type BulletinTable } from './bulletin-document.ts';

/**
 * What a line never breaks inside: a number with the unit that follows it (12.35亿元, 87.3%, 3个,
 * 54.67 分 with a no-break space, 2026年), and any run of Latin letters and digits (A4, -0.50).
 */
const UNBREAKABLE_RUN =
  /\d[\d.,:\-/]*%?(?:\u00a0?(?:个百分点|百分点|平方米|亿元|万元|万吨|公里|[个分元天月年日号期亩吨家宗项人次倍条座米]))?|[0-9A-Za-z.,:%+\-~·/]+|[\s\S]/gu;
/** Marks that may not start a line (they stay with what comes before) … */
const CLOSING = new Set([...'，。、；：！？）》」』】〕”’%％…—']);
/** … and marks that may not end one (they go with what follows). */
const OPENING = new Set([...'（《「『【〔“‘']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Splits one line of text into the pieces a line may break between: a number with its unit and a run
 * of Latin letters stay whole, and so does each name in `keep` (units: 兰江街道 is never 兰江街 / 道); a 汉字 stands
 * alone; punctuation clings to its neighbour as Chinese typesetting asks (no line starts with '，' or
 * '）', none ends with '（'), and a no-break space joins the pieces either side of it.
 *
 *   breakPieces('兰江街道完成12.35亿元（含3个）', ['兰江街道']) → ['兰江街道', '完', '成', '12.35亿元', '（含', '3个）']
 */
export function breakPieces(text: string, keep: readonly string[] = []): string[] {
  const names = [...new Set(keep)].filter(Boolean).sort((a, b) => b.length - a.length);
  const pattern = names.length
    ? new RegExp(`${names.map(escapeRegExp).join('|')}|${UNBREAKABLE_RUN.source}`, 'gu')
    : UNBREAKABLE_RUN;
  const pieces: string[] = [];
  let opening = '';
  let glued = false;
  for (const [run] of text.matchAll(pattern)) {
    if (OPENING.has(run)) {
      opening += run;
      continue;
    }
    const joins = pieces.length > 0 && (glued || run === '\u00a0' || (CLOSING.has(run) && !opening));
    if (joins) pieces[pieces.length - 1] += opening + run;
    else pieces.push(opening + run);
    opening = '';
    glued = run === '\u00a0';
  }
  if (opening) pieces.push(opening);
  return pieces;
}

/**
 * Lays text into lines no wider than `width` (the first line `firstWidth`, for an indent), breaking
 * only between pieces (see breakPieces) and at '\n'. A piece wider than the line gets a line of its
 * own rather than being cut.
 */
export function breakLines(
  text: string,
  width: number,
  measure: (text: string) => number,
  { firstWidth = width, keep = [] }: { firstWidth?: number; keep?: readonly string[] } = {},
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of breakPieces(paragraph, keep)) {
      if (line && measure(line + piece) > (lines.length ? width : firstWidth)) {
        lines.push(line);
        line = piece.trimStart();
      } else line += piece;
    }
    lines.push(line);
  }
  return lines;
}

export interface TableFitOptions {
  /** Width the table may take. */
  total: number;
  /** Font sizes to try, largest (the house style's) first; the first at which the table fits wins. */
  sizes: readonly number[];
  /** Width of one line of text set at size 1, in the units of `total` per unit of size. */
  measure: (text: string, isHeader: boolean) => number;
  /** What a cell adds around its text at any size: padding, borders, a little slack. */
  pad: number;
}

/** A table's font size and column widths (adding up to `total`). */
export interface TableFit {
  size: number;
  widths: number[];
  /** False only when even the smallest size could not keep every number whole. */
  fits: boolean;
}

/**
 * Fits a table to the page. At each size in turn, every column needs at least two characters and the
 * widest line of its own header labels ('完成' / '（亿元）', '名次' / '变化'); a column not marked
 * `wrap` needs its widest cell on one line, a `wrap` column only its widest piece. When everything fits
 * on one line, spare width is shared by weight; otherwise the `wrap` columns share what the others
 * leave, by weight but never below their need. When no size works, the smallest size is squeezed in
 * proportion (fits: false), which only an absurdly wide race reaches.
 *
 *   fitTable({ columns: [{ weight: 1 }, { weight: 3, wrap: true }], header: [], body: [['12', '兰江街道']] },
 *            { total: 100, sizes: [10], measure: (t) => t.length, pad: 0 }) → { size: 10, widths: [30, 70], fits: true }
 */
export function fitTable(
  table: Pick<BulletinTable, 'columns' | 'header' | 'body'>,
  options: TableFitOptions,
): TableFit {
  const { columns } = table;
  const { total, sizes, measure, pad } = options;
  // Needs at size 1, without padding: every width grows in proportion to the size, so these are
  // measured once and scaled for each size tried.
  const natural = columns.map(() => 2);
  const least = columns.map(() => 2);
  const need = (c: number, text: string, isHeader: boolean) => {
    for (const line of text.split('\n')) natural[c] = Math.max(natural[c]!, measure(line, isHeader));
    const widest = columns[c]!.wrap
      ? Math.max(0, ...breakPieces(text.replace(/\n/g, '')).map((p) => measure(p, isHeader)))
      : natural[c]!;
    least[c] = Math.max(least[c]!, isHeader ? natural[c]! : widest);
  };
  for (const row of table.body) row.forEach((text, c) => c < columns.length && need(c, text, false));
  // A header label of one column is written with its line breaks where they belong; keep them.
  for (const p of placeHeader(table.header)) if (p.colSpan === 1) need(p.col, p.cell.text, true);
  for (const [c, column] of columns.entries()) if (!column.wrap) least[c] = natural[c]!;

  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const byWeight = (room: number, among: number[]) => {
    const weights = sum(among.map((c) => columns[c]!.weight));
    return (c: number) => (room * columns[c]!.weight) / weights;
  };
  for (const size of sizes) {
    const want = natural.map((n) => n * size + pad);
    const floor = least.map((n) => n * size + pad);
    if (sum(want) <= total) {
      const extra = byWeight(
        total - sum(want),
        columns.map((_, c) => c),
      );
      return { size, widths: want.map((w, c) => w + extra(c)), fits: true };
    }
    if (sum(floor) > total) continue;
    // Water-filling: a wrap column whose weighted share is below its need takes its need, and the
    // others share the rest again.
    const widths = [...want];
    let open = columns.map((_, c) => c).filter((c) => columns[c]!.wrap);
    let room = total - sum(columns.map((col, c) => (col.wrap ? 0 : want[c]!)));
    for (;;) {
      const share = byWeight(room, open);
      const starved = open.filter((c) => share(c) < floor[c]!);
      if (!starved.length) {
        for (const c of open) widths[c] = share(c);
        break;
      }
      for (const c of starved) widths[c] = floor[c]!;
      room -= sum(starved.map((c) => floor[c]!));
      open = open.filter((c) => !starved.includes(c));
      if (!open.length) break;
    }
    return { size, widths, fits: true };
  }
  const size = sizes[sizes.length - 1]!;
  const floor = least.map((n) => n * size + pad);
  return { size, widths: floor.map((w) => (w * total) / sum(floor)), fits: false };
}
