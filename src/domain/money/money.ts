/**
 * Money is exact: amounts are integers of 元 (yuan) in storage and arithmetic, never binary floats.
 * People type and read 万元 (10^4 元) and 亿元 (10^8 元); conversion happens here and nowhere else.
 * A province's whole library (10^6 projects, sums around 10^13 元) stays far below 2^53.
 */
export type Yuan = number;

export const YUAN_PER_WAN = 10_000;
export const YUAN_PER_YI = 100_000_000;

export class MoneyError extends Error {
  constructor(readonly reason: 'format' | 'negative' | 'tooLarge' | 'precision') {
    super(`invalid amount: ${reason}`);
  }
}

/** Largest amount Lantern accepts for one figure: 1 万亿元 (10^12 元), far above any county project. */
export const MAX_YUAN = 1_000_000_000_000;

/**
 * Parses an amount in 万元 ("1234.5", "1,234.5678", 1234.5) into integer 元 by decimal digits,
 * not by float multiplication. Up to 4 decimals (one 元) are allowed.
 */
export function parseWan(input: string | number, { allowNegative = false } = {}): Yuan {
  const text = (typeof input === 'number' ? numberToPlain(input) : input).trim().replace(/[,，\s]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new MoneyError('format');
  const [, sign, whole, frac = ''] = m;
  if (frac.length > 4 && /[1-9]/.test(frac.slice(4))) throw new MoneyError('precision');
  const yuan = Number(whole) * YUAN_PER_WAN + Number(frac.slice(0, 4).padEnd(4, '0'));
  if (!Number.isSafeInteger(yuan) || yuan > MAX_YUAN) throw new MoneyError('tooLarge');
  if (sign && yuan !== 0 && !allowNegative) throw new MoneyError('negative');
  return sign ? -yuan : yuan;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  // toFixed(8) avoids exponent notation; trailing float noise beyond 4 decimals is cut by rounding to 元.
  return (Math.round(n * YUAN_PER_WAN) / YUAN_PER_WAN).toFixed(4);
}

/** Divides with round-half-up on the absolute value, in integers. */
function divRound(yuan: Yuan, unit: number, decimals: number): string {
  const scale = 10 ** decimals;
  const negative = yuan < 0;
  const abs = Math.abs(yuan);
  const scaled = Math.floor((abs * scale * 2 + unit) / (2 * unit)); // round half up
  const whole = Math.floor(scaled / scale);
  const frac = decimals ? `.${String(scaled % scale).padStart(decimals, '0')}` : '';
  return `${negative && scaled !== 0 ? '-' : ''}${whole.toLocaleString('en-US')}${frac}`;
}

/** 12,345.68 — an amount in 万元 with two decimals, rounded half up. */
export function formatWan(yuan: Yuan, decimals = 2): string {
  return divRound(yuan, YUAN_PER_WAN, decimals);
}

/** 1.23 — an amount in 亿元 with two decimals, rounded half up. */
export function formatYi(yuan: Yuan, decimals = 2): string {
  return divRound(yuan, YUAN_PER_YI, decimals);
}

/** The way a person says it: 亿元 from one 亿 upward, 万元 below. */
export function formatMoney(yuan: Yuan): string {
  return Math.abs(yuan) >= YUAN_PER_YI ? `${formatYi(yuan)} 亿元` : `${formatWan(yuan)} 万元`;
}

/** 万元 as a plain number for charts and JSON (two decimals); never used for arithmetic. */
export function toWanNumber(yuan: Yuan): number {
  return Number(divRound(yuan, YUAN_PER_WAN, 4).replace(/,/g, ''));
}

export function sumYuan(values: Iterable<Yuan>): Yuan {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
