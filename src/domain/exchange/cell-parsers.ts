// How a ledger cell becomes a field value, and a field value a cell: half-width text, money in the unit its header
// names (shifted digit by digit, then money.ts), industry codes, enums, dates and stages. The columns themselves
// are the table in project-columns.ts, which re-exports these so that importers keep one entry point.
import { findIndustry, INDUSTRY_DIVISIONS } from '../industry/gbt4754.ts';
import { REPORT_TEXT_FIELDS } from '../reports/report-fields.ts';
import { MoneyError, parseWan, type Yuan } from '../money/money.ts';
import { STAGE_LABELS, STAGES, type Stage } from '../projects/lifecycle.ts';
import { normaliseProjectCode } from '../projects/project-code.ts';
import { stripBidi, textProblem } from '../text/text-rules.ts';
import { parseLedgerDate } from './ledger-date.ts';
import { ENUM_LOOKUP } from './project-enums.ts';
import type {
  CellValue,
  ColumnKind,
  LedgerField,
  MoneyUnit,
  ParseContext,
  Parsed,
  ProjectColumn,
} from './project-columns.ts';

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width digits, letters and brackets to half-width; spaces removed. */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text;
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** The unit a header (or a note) names, or null: 总投资（亿元） → yi, 总投资 → null. */
export function namedMoneyUnit(text: string): MoneyUnit | null {
  const h = toHalfWidth(text);
  if (/亿/.test(h)) return 'yi';
  if (/万/.test(h)) return 'wan';
  if (/\(元\)|单位[:：]?元|元$/.test(h)) return 'yuan';
  return null;
}

/** The unit a money header names; 万元, the ledgers' usual unit, when it names none. */
export const moneyUnitOf = (header: string): MoneyUnit => namedMoneyUnit(header) ?? 'wan';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string, en?: string): Parsed<never> =>
  en ? { ok: false, message, en } : { ok: false, message };

/** The cell as trimmed text, or '' when empty. Numbers keep every digit Excel stored. */
export function cellText(value: CellValue): string {
  if (typeof value === 'string') return value.includes('\u00a0') ? value.replace(/\u00a0/g, ' ').trim() : value.trim();
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return String(value);
  return String(value)
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** Whether a cell holds nothing (empty, spaces, or a lone dash or slash people use for "none"). */
export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const t = value.trim();
  return t === '' || t === '/' || t === '-' || t === '—' || t === '／' || t === '无';
}

/** 12.5 亿元 → 元, exactly: the decimal point moves, then money.ts converts 万元 to 元. */
export function parseMoney(value: CellValue, unit: MoneyUnit): Parsed<Yuan> {
  if (typeof value === 'boolean' || value instanceof Date) return fail('不是金额', 'Not an amount');
  let text = typeof value === 'number' ? numberText(value) : toHalfWidth(String(value)).replace(/[,，\s]/g, '');
  // People sometimes type the unit into the cell: "1.2亿", "3000万元", "500元".
  const suffix = /^(.*?)(亿元|亿|万元|万|元)$/.exec(text);
  if (suffix) {
    text = suffix[1]!;
    unit = suffix[2]!.startsWith('亿') ? 'yi' : suffix[2]!.startsWith('万') ? 'wan' : 'yuan';
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return fail('不是金额', 'Not an amount');
  const wanText = shiftDecimal(text, unit === 'yi' ? 4 : unit === 'yuan' ? -4 : 0);
  try {
    return ok(parseWan(wanText));
  } catch (e) {
    if (e instanceof MoneyError) {
      const [why, en] = {
        format: ['不是金额', 'Not an amount'],
        negative: ['金额不能为负', 'An amount cannot be negative'],
        tooLarge: ['金额过大', 'The amount is too large'],
        precision: ['金额精确到元即可（小数位过多）', 'An amount goes to the yuan at most (too many decimals)'],
      }[e.reason];
      return fail(why!, en);
    }
    throw e;
  }
}

/** A number as plain decimal text with at most 10 decimals, trimming float noise ("0.30000000000000004" → "0.3"). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  return n.toFixed(10).replace(/\.?0+$/, '');
}

/** "1.25" shifted by 4 → "12500"; "500" shifted by −4 → "0.05". Pure string arithmetic, no floats. */
export function shiftDecimal(text: string, places: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  let digits = whole + frac;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fracPart = digits.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${intPart}${fracPart ? `.${fracPart}` : ''}`;
}

function parseNumber(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const t = toHalfWidth(value)
    .replace(/[,，\s]/g, '')
    .replace(/亩$/, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** A division of GB/T 4754 from "C17", "17", "C17 纺织业", "17纺织业" or the division's name. */
export function parseIndustry(value: CellValue): Parsed<string> {
  const text = toHalfWidth(cellText(value)).replace(/\s+/g, '');
  const code = /^([A-Ta-t]?\d{1,2})(?=\D|$)/.exec(text)?.[1];
  if (code) {
    const padded = code.replace(/^([A-Za-z]?)(\d)$/, '$10$2');
    const match = findIndustry(padded);
    if (match && /^\d{2}$/.test(match.code)) return ok(match.code);
    return fail(`“${cellText(value)}”不是国民经济行业大类代码`);
  }
  const name = text.replace(/^[A-Ta-t]/, '');
  const division = INDUSTRY_DIVISIONS.find((d) => d.name === name);
  if (division) return ok(division.code);
  return fail(`“${cellText(value)}”不是国民经济行业大类（应如 C17 或 纺织业）`);
}

const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Longest text per field, as the project table stores it. */
const TEXT_MAX: Partial<Record<LedgerField, number>> = {
  name: 120,
  internalNo: 40,
  patronLeader: 60,
  contact: 120,
  address: 200,
  ownerName: 120,
  leadUnit: 60,
  township: 60,
  enterpriseName: 120,
  contactName: 40,
  contactPhone: 30,
  // A deal's texts are as long as the deals' table keeps them (src/contract/deals.ts).
  investorName: 120,
  investorHqRegion: 60,
  investorListing: 20,
  sourceRegion: 60,
  chain: 60,
  chainLink: 60,
  dealKind: 60,
  dealTeam: 60,
  dealStage: 20,
  dealNote: 500,
  // A report's texts are as long as the API takes them (one spec: domain/reports/report-fields.ts).
  progressText: REPORT_TEXT_FIELDS.progressText.maxLength,
  problems: REPORT_TEXT_FIELDS.problems.maxLength,
};

/** The parsed value of each field kind; null means the cell is empty. */
export type FieldValue = string | number | string[] | null;

const READ_AS_TEXT = new Set<ColumnKind>(['text', 'unitName', 'code', 'creditCode', 'enum', 'tags']);

/**
 * Parses one cell for a column. Empty cells give null (whether that is allowed is the row's concern);
 * otherwise the value in storage form: 元 for money, YYYY-MM-DD for dates, the enum identifier,
 * the two-digit industry division, a trimmed string.
 */
export function parseCell(
  column: ProjectColumn,
  value: CellValue,
  ctx: ParseContext = { moneyUnit: 'wan' },
): Parsed<FieldValue> {
  if (isBlank(value)) return ok(null);
  // Money, dates, numbers and industries read the value itself; their text only names a bad cell.
  const raw = READ_AS_TEXT.has(column.kind) ? cellText(value) : '';
  // The same text rule as the API's (src/domain/text): no control characters, no broken Unicode.
  const problem = textProblem(raw);
  if (problem)
    return problem === 'control'
      ? fail('含有不允许的控制字符', 'Holds control characters, which are not allowed')
      : fail('含有无效的字符编码', 'Holds characters that are not valid text');
  const text = stripBidi(raw);
  switch (column.kind) {
    case 'text':
    case 'unitName': {
      const max = TEXT_MAX[column.field] ?? 200;
      if (column.field === 'name' && text.length < 2)
        return fail('项目名称至少 2 个字', 'A project name has at least 2 characters');
      if (column.field === 'enterpriseName' && text.length < 2) return fail('企业名称至少 2 个字');
      if (text.length > max) return fail(`超过 ${max} 个字`, `Longer than ${max} characters`);
      return ok(text);
    }
    case 'code': {
      const checked = normaliseProjectCode(text);
      if ('error' in checked)
        return fail(
          checked.error === 'month'
            ? '项目代码的赋码月份不对'
            : `“${text}”不是 24 位统一项目代码（应如 2403-330781-04-01-123456）`,
        );
      return ok(checked.code);
    }
    case 'creditCode': {
      const code = toHalfWidth(text).replace(/\s/g, '').toUpperCase();
      return CREDIT_CODE.test(code) ? ok(code) : fail(`“${text}”不是 18 位统一社会信用代码`);
    }
    case 'enum': {
      const key = toHalfWidth(text).replace(/\s/g, '');
      const v = ENUM_LOOKUP[column.field]!.get(key) ?? ENUM_LOOKUP[column.field]!.get(key.toLowerCase());
      return v ? ok(v) : fail(`“${text}”不是可选的${column.header}，${column.hint}`);
    }
    case 'industry':
      return parseIndustry(value);
    case 'money': {
      const r = parseMoney(value, ctx.moneyUnit);
      if (r.ok && column.field === 'totalInvestmentWan' && r.value <= 0) return fail('总投资必须大于 0');
      if (r.ok) return r;
      return r.message === '不是金额'
        ? fail(`“${cellText(value)}”不是金额`, `"${cellText(value)}" is not an amount`)
        : r;
    }
    case 'date': {
      return parseLedgerDate(value);
    }
    case 'number': {
      const n = parseNumber(value);
      if (n === null) return fail(`“${cellText(value)}”不是数字`);
      const [min, max] =
        column.field === 'longitude' ? [73, 136] : column.field === 'latitude' ? [3, 54] : [0, 100_000];
      if (n < min || n > max) return fail(`${n} 超出范围，${column.hint}`);
      return ok(n);
    }
    case 'integer': {
      const n = parseNumber(value);
      const [min, max] = column.field === 'reportYear' ? [2000, 2100] : [0, 1_000_000];
      if (n === null || !Number.isInteger(n)) return fail(`“${cellText(value)}”不是整数，${column.hint}`);
      if (n < min || n > max) return fail(`${n} 超出范围，${column.hint}`);
      return ok(n);
    }
    case 'month':
      return parseMonth(value, column);
    case 'yearMonth': {
      const r = parseLedgerDate(value);
      return r.ok
        ? ok(r.value.slice(0, 7))
        : fail(
            r.message.startsWith('“') ? `“${cellText(value)}”不是年月（应如 2026年3月、2026-03 或 2026.3）` : r.message,
          );
    }
    case 'tags': {
      const tags = [
        ...new Set(
          text
            .split(/[、,，;；\s]+/)
            .map((t) => t.trim())
            .filter(Boolean),
        ),
      ];
      if (tags.length > 20) return fail('标签最多 20 个');
      if (tags.some((t) => t.length > 30)) return fail('每个标签最多 30 个字');
      if (tags.join(',').length > 398) return fail('标签合计过长');
      return ok(tags);
    }
  }
}

/**
 * A month cell: 1–12, "3月", "03", or a whole year and month ("2026年3月", an Excel date), which
 * arrives as 'YYYY-MM' so that the row's year comes with it.
 */
function parseMonth(value: CellValue, column: ProjectColumn): Parsed<FieldValue> {
  const text = toHalfWidth(cellText(value)).replace(/\s+/g, '');
  const m = /^(\d{1,2})月?(份)?$/.exec(text);
  if (m && !(value instanceof Date)) {
    const n = Number(m[1]);
    return n >= 1 && n <= 12 ? ok(n) : fail(`月份 ${n} 不存在，${column.hint}`);
  }
  const r = parseLedgerDate(value);
  return r.ok ? ok(r.value.slice(0, 7)) : fail(`“${cellText(value)}”不是月份，${column.hint}`);
}

/** The stage labels in lifecycle order, for templates' drop-down lists. */
export const STAGE_CHOICES: readonly string[] = STAGES.map((s: Stage) => STAGE_LABELS[s]['zh-CN']);
