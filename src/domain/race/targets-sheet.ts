/**
 * The targets grid as a sheet people take away and bring back: a title row, a header row (单位, then
 * one column per indicator named with its unit: 财政收入（万元）), one row per unit, and a 合计 row.
 * Money is written in 万元 (the unit a column's header names; 亿元 and 元 are read too), converted
 * only by src/domain/money. Reading it back names each bad cell by its address (C5) and never
 * guesses: text in a number cell, an amount finer than one 元, a unit or column it does not know.
 */
import { MoneyError, parseWan, parseYi, plainDecimal } from '../money/money.ts';
import { cellRef } from '../exchange/header-detect.ts';
import { cellText, isBlank, type CellValue } from '../exchange/project-columns.ts';
import type { RawCell } from '../exchange/row-validation.ts';
import type { IndicatorUnit } from './indicators.ts';

export type SheetLocale = 'zh-CN' | 'en';
export type MoneyColumnUnit = '万元' | '亿元' | '元';

/** An indicator as a column of the sheet. */
export interface SheetIndicator {
  key: string;
  label: { 'zh-CN': string; en: string };
  unit: IndicatorUnit;
}

const WORDS = {
  'zh-CN': { unit: '单位', total: '合计', title: (year: number) => `${year}年目标任务` },
  en: { unit: 'Unit', total: 'Total', title: (year: number) => `Targets ${year}` },
} as const;

const UNIT_WORDS: Record<SheetLocale, Record<MoneyColumnUnit | '个' | '%', string>> = {
  'zh-CN': { 万元: '万元', 亿元: '亿元', 元: '元', 个: '个', '%': '%' },
  en: { 万元: '10k yuan', 亿元: '100M yuan', 元: 'yuan', 个: '', '%': '%' },
};

export const sheetWords = (locale: SheetLocale) => WORDS[locale];

/** An indicator's header: '财政收入（万元）', 'Fiscal revenue (10k yuan)', 'Projects started'. */
export function indicatorHeader(indicator: SheetIndicator, locale: SheetLocale): string {
  const unit = UNIT_WORDS[locale][indicator.unit === '元' ? '万元' : indicator.unit];
  const label = indicator.label[locale];
  if (!unit) return label;
  return locale === 'en' ? `${label} (${unit})` : `${label}（${unit}）`;
}

/** Why a cell or row of a targets sheet was refused; `cell` is its address (C5), `text` what it held. */
export type SheetProblem =
  | { code: 'NO_HEADER'; cell: string }
  | { code: 'NO_COLUMNS'; cell: string }
  | { code: 'UNKNOWN_COLUMN'; cell: string; text: string }
  | { code: 'DUPLICATE_COLUMN'; cell: string; text: string }
  | { code: 'UNKNOWN_UNIT'; cell: string; text: string }
  | { code: 'DUPLICATE_UNIT'; cell: string; text: string }
  | { code: 'NOT_NUMBER'; cell: string; text: string }
  | { code: 'TOO_PRECISE'; cell: string; text: string }
  | { code: 'TOO_LARGE'; cell: string; text: string };

/** A target read from the sheet: null where the cell is empty (no target). */
export interface SheetEntry {
  unitId: number;
  indicator: string;
  value: number | null;
  cell: string;
}

interface Column {
  index: number;
  indicator: SheetIndicator;
  money: MoneyColumnUnit | null;
}

/** A cell as text: a formula without its result, or an error, as what it says. */
function textOf(cell: RawCell): string {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date))
    return 'formula' in cell ? `=${cell.formula}` : cell.error;
  return cellText(cell as CellValue);
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
const isWord = (text: string, word: 'unit' | 'total') =>
  (['zh-CN', 'en'] as const).some((l) => normal(text) === normal(WORDS[l][word]));

/** '财政收入（万元）' → { label: '财政收入', unit: '万元' }; 'Projects started' → { label, unit: null }. */
function splitHeader(text: string): { label: string; unit: string | null } {
  const m = /^(.*?)\s*[（(]\s*([^（）()]*?)\s*[）)]\s*$/.exec(text);
  return m ? { label: m[1]!, unit: m[2]! } : { label: text, unit: null };
}

function moneyUnit(unit: string | null): MoneyColumnUnit | null | undefined {
  if (unit === null) return '万元';
  const u = normal(unit);
  for (const [name, words] of [
    ['万元', ['万元', '10k yuan']],
    ['亿元', ['亿元', '100m yuan']],
    ['元', ['元', 'yuan']],
  ] as const)
    if ((words as readonly string[]).includes(u)) return name;
  return undefined;
}

function columnOf(text: string, index: number, indicators: readonly SheetIndicator[]): Column | null {
  const { label, unit } = splitHeader(text);
  const indicator = indicators.find(
    (i) => normal(i.label['zh-CN']) === normal(label) || normal(i.label.en) === normal(label),
  );
  if (!indicator) return null;
  if (indicator.unit !== '元') return { index, indicator, money: null };
  const money = moneyUnit(unit);
  return money ? { index, indicator, money } : null;
}

/** A number cell's value in the indicator's base unit (元 for money), or the problem with it. */
function valueOf(
  cell: RawCell,
  column: Column,
): { value: number } | { problem: 'NOT_NUMBER' | 'TOO_PRECISE' | 'TOO_LARGE' } {
  if (typeof cell !== 'number' && typeof cell !== 'string') return { problem: 'NOT_NUMBER' };
  const text =
    typeof cell === 'number'
      ? plainDecimal(cell)
      : cellText(cell)
          .replace(/[,，\s]/g, '')
          .replace(/[%％]$/, '');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { problem: 'NOT_NUMBER' };
  if (!column.money) {
    const value = Number(text);
    return Number.isFinite(value) && Math.abs(value) <= 1e15 ? { value } : { problem: 'TOO_LARGE' };
  }
  try {
    const options = { allowNegative: true };
    const value =
      column.money === '亿元'
        ? parseYi(text, options)
        : column.money === '万元'
          ? parseWan(text, options)
          : yuanOf(text);
    return { value };
  } catch (e) {
    const reason = e instanceof MoneyError ? e.reason : 'format';
    return { problem: reason === 'precision' ? 'TOO_PRECISE' : reason === 'tooLarge' ? 'TOO_LARGE' : 'NOT_NUMBER' };
  }
}

/** Whole 元 ("1234", "1234.00"); a fraction of a 元 is refused as too precise. */
function yuanOf(text: string): number {
  const [whole, frac = ''] = text.split('.');
  if (/[1-9]/.test(frac)) throw new MoneyError('precision');
  const value = Number(whole);
  if (!Number.isSafeInteger(value)) throw new MoneyError('tooLarge');
  return value;
}

/**
 * Reads a targets sheet: the header is the first row (of the first ten) whose column A says 单位 (or
 * Unit); the columns after it name indicators, in either language; rows name units by `unitByName`
 * (the units the reader may set targets for); the 合计 row and empty rows are skipped. Returns every
 * entry with its cell, and every problem found (an empty list: all of it can be saved).
 */
export function readTargetSheet(
  rows: readonly { row: number; cells: readonly RawCell[] }[],
  indicators: readonly SheetIndicator[],
  unitByName: ReadonlyMap<string, number>,
): { entries: SheetEntry[]; problems: SheetProblem[] } {
  const header = rows.slice(0, 10).find((r) => isWord(textOf(r.cells[0] ?? null), 'unit'));
  if (!header) return { entries: [], problems: [{ code: 'NO_HEADER', cell: 'A1' }] };
  const problems: SheetProblem[] = [];
  const columns: Column[] = [];
  const seen = new Set<string>();
  header.cells.forEach((raw, index) => {
    const text = textOf(raw ?? null);
    if (index === 0 || !text) return;
    const cell = cellRef(index, header.row);
    const column = columnOf(text, index, indicators);
    if (!column) return void problems.push({ code: 'UNKNOWN_COLUMN', cell, text });
    if (seen.has(column.indicator.key)) return void problems.push({ code: 'DUPLICATE_COLUMN', cell, text });
    seen.add(column.indicator.key);
    columns.push(column);
  });
  if (!columns.length && !problems.length) problems.push({ code: 'NO_COLUMNS', cell: cellRef(1, header.row) });

  const entries: SheetEntry[] = [];
  const units = new Set<number>();
  for (const r of rows) {
    if (r.row <= header.row) continue;
    const name = textOf(r.cells[0] ?? null);
    const cells = columns.map((c) => r.cells[c.index] ?? null);
    if (!name && cells.every((c) => isBlank(c as CellValue))) continue;
    if (isWord(name, 'total')) continue;
    const unitId = unitByName.get(name);
    const at = cellRef(0, r.row);
    if (unitId === undefined) {
      problems.push({ code: 'UNKNOWN_UNIT', cell: at, text: name });
      continue;
    }
    if (units.has(unitId)) {
      problems.push({ code: 'DUPLICATE_UNIT', cell: at, text: name });
      continue;
    }
    units.add(unitId);
    columns.forEach((column, i) => {
      const raw = cells[i]!;
      const cell = cellRef(column.index, r.row);
      if (isBlank(raw as CellValue))
        return void entries.push({ unitId, indicator: column.indicator.key, value: null, cell });
      const read = valueOf(raw, column);
      if ('problem' in read) problems.push({ code: read.problem, cell, text: textOf(raw) });
      else entries.push({ unitId, indicator: column.indicator.key, value: read.value, cell });
    });
  }
  return { entries, problems };
}
