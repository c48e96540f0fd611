/**
 * Dates as ledgers hold them, to YYYY-MM-DD. A ledger cell may be a real Excel date, an Excel serial
 * number in a cell formatted as a number, a number like 2024.3 or 20240315, or text in any of the ways
 * people write dates in China: 2024-03-15, 2024/3/15, 2024.3.15, 2024年3月15日, 2024年3月, 2024.3,
 * 2024年3月底, 2024年底. A month without a day means its first day: the lights count lateness in whole
 * months, so nothing turns late earlier for it.
 */
import type { CellValue, Parsed } from './project-columns.ts';

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;
/** Serial numbers of 1990-01-01 and 2100-12-31 in Excel's 1900 date system. */
const MIN_SERIAL = 32874;
const MAX_SERIAL = 73415;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');
/** A refusal in Chinese and in English. */
const no = (message: string, en: string): Parsed<never> => ({ ok: false, message, en });
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function build(y: number, m: number, d: number | 'last' = 1): Parsed<string> {
  if (y < MIN_YEAR || y > MAX_YEAR)
    return no(
      `年份 ${y} 不合理（应在 ${MIN_YEAR} 至 ${MAX_YEAR} 年之间）`,
      `The year ${y} is not plausible (${MIN_YEAR} to ${MAX_YEAR})`,
    );
  if (m < 1 || m > 12) return no(`月份 ${m} 不存在`, `There is no month ${m}`);
  const day = d === 'last' ? daysIn(y, m) : d;
  if (day < 1 || day > daysIn(y, m)) return no(`${y}年${m}月没有${day}日`, `${y}-${pad(m)} has no day ${day}`);
  return { ok: true, value: `${y}-${pad(m)}-${pad(day)}` };
}

/** An Excel serial day number (1900 system) to a date; fractions (times) are dropped. */
export function fromExcelSerial(serial: number): string {
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function fromNumber(n: number): Parsed<string> {
  if (Number.isInteger(n)) {
    if (n >= 19_900_101 && n <= 21_001_231) return build(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
    if (n >= 199_001 && n <= 210_012) return build(Math.floor(n / 100), n % 100);
    if (n >= MIN_YEAR && n <= MAX_YEAR)
      return no(`只有年份 ${n}，缺少月份`, `${n} is only a year: the month is missing`);
  }
  // 2024.3 typed into a number cell: year and month. 2024.10 arrives as 2024.1, so a one-digit
  // fraction is read as that month; ledgers that need October as a number write 2024.10 as text.
  if (n > MIN_YEAR && n < MAX_YEAR + 1 && !Number.isInteger(n)) {
    const [y, frac = ''] = n.toFixed(6).replace(/0+$/, '').split('.');
    if (frac.length <= 2) return build(Number(y), Number(frac));
  }
  if (n >= MIN_SERIAL && n <= MAX_SERIAL) return { ok: true, value: fromExcelSerial(n) };
  return no(`${n} 不是日期`, `${n} is not a date`);
}

const toHalf = (t: string) =>
  !/[\uff01-\uff5e]/.test(t)
    ? t
    : t.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

function fromText(raw: string): Parsed<string> {
  const t = toHalf(raw).replace(/\s+/g, '').replace(/[号]$/, '日');
  // ISO with a time: 2024-03-15T00:00:00 or 2024-03-15 08:00
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*|\d{1,2}:\d{2}.*)?$/.exec(t);
  if (iso) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const full = /^(\d{4})[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(t);
  if (full) return build(Number(full[1]), Number(full[2]), Number(full[3]));
  const monthEnd = /^(\d{4})[年./-](\d{1,2})月?(底|末|上旬|中旬|下旬|初)?$/.exec(t);
  if (monthEnd) {
    const part = monthEnd[3];
    const day = part === '底' || part === '末' ? 'last' : part === '中旬' ? 11 : part === '下旬' ? 21 : 1;
    return build(Number(monthEnd[1]), Number(monthEnd[2]), day);
  }
  const yearEnd = /^(\d{4})年?(底|末|年底|年末)$/.exec(t);
  if (yearEnd) return build(Number(yearEnd[1]), 12, 31);
  if (/^\d{8}$/.test(t)) return build(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6)));
  if (/^\d{6}$/.test(t)) return build(Number(t.slice(0, 4)), Number(t.slice(4)));
  if (/^\d{4}年?$/.test(t))
    return no(
      `只有年份 ${t.replace('年', '')}，缺少月份`,
      `${t.replace('年', '')} is only a year: the month is missing`,
    );
  if (/^\d+(\.\d+)?$/.test(t)) return fromNumber(Number(t));
  return no(
    `“${raw}”不是日期（应如 2024-03-15、2024年3月 或 2024.3）`,
    `"${raw}" is not a date (write it like 2024-03-15, 2024年3月 or 2024.3)`,
  );
}

/** Reads a ledger date cell; see the module comment for the forms accepted. */
export function parseLedgerDate(value: CellValue): Parsed<string> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return no('不是日期', 'Not a date');
    // Workbook readers hand Excel dates over as UTC midnight of the calendar day shown.
    return build(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'string') return fromText(value.trim());
  return no('不是日期', 'Not a date');
}
