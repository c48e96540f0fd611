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
 * not by float multiplication. Up to 4 decimals (one 元) are allowed; anything finer is refused
 * ('precision'), never rounded, whether it comes as text or as a number: 0.00005 万元 is half a 元
 * and 1234.56785 万元 is 1234.5678 万元 and a half, so neither is stored as something else.
 * A number is read as the decimal it was written as (see plainDecimal): 176.35 is 1,763,500 元.
 */
export function parseWan(input: string | number, { allowNegative = false } = {}): Yuan {
  const text = (typeof input === 'number' ? plainDecimal(input) : input).trim().replace(/[,，\s]/g, '');
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new MoneyError('format');
  const [, sign, whole, frac = ''] = m;
  if (frac.length > 4 && /[1-9]/.test(frac.slice(4))) throw new MoneyError('precision');
  const yuan = Number(whole) * YUAN_PER_WAN + Number(frac.slice(0, 4).padEnd(4, '0'));
  if (!Number.isSafeInteger(yuan) || yuan > MAX_YUAN) throw new MoneyError('tooLarge');
  if (sign && yuan !== 0 && !allowNegative) throw new MoneyError('negative');
  // "-0" is zero, not a negative zero stored as such.
  return sign && yuan !== 0 ? -yuan : yuan;
}

/**
 * The decimal a number was written as, in plain digits: the shortest text that reads back as the
 * same double (what String(n) gives, ECMAScript's Number::toString), with any exponent written out.
 * So 176.35 is "176.35" although its double is 176.349999999999994…; 0.1 + 0.2 is
 * "0.30000000000000004" (that is the number a client sent, not 0.3); 1e-7 is "0.0000001"; 1e21 is
 * "1000000000000000000000"; -0 is "0". Not finite: "NaN", which no amount parser accepts.
 */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  const text = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, whole, frac = '', exponent] = m;
  const digits = whole! + frac;
  const point = whole!.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits.padEnd(point, '0')}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
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

/** 亿元 as a plain number for charts (two decimals, rounded half up); never used for arithmetic. */
export function toYiNumber(yuan: Yuan): number {
  return Number(divRound(yuan, YUAN_PER_YI, 2).replace(/,/g, ''));
}

/**
 * Parses an amount in 亿元 ("30", "2.5", ".5", "0.00000001") into integer 元: the decimal point moves four
 * places right digit by digit (亿元 text → 万元 text) and parseWan does the rest, so "2.5" 亿元 is exactly
 * 250,000,000 元 and anything finer than one 元 is refused ('precision'), never a float product.
 */
export function parseYi(input: string | number, options: { allowNegative?: boolean } = {}): Yuan {
  const text = (typeof input === 'number' ? plainDecimal(input) : input).trim().replace(/[,，\s]/g, '');
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || !/\d/.test(text)) throw new MoneyError('format');
  const [, sign = '', whole = '', frac = ''] = m;
  const padded = frac.padEnd(4, '0');
  const rest = padded.slice(4);
  return parseWan(`${sign}${whole || '0'}${padded.slice(0, 4)}${rest ? `.${rest}` : ''}`, options);
}

/** Integer 元 as the plain 亿元 decimal an input shows, exact to the 元, without grouping or trailing zeros: "2.5". */
export function yiText(yuan: Yuan): string {
  const abs = Math.abs(yuan);
  const whole = Math.floor(abs / YUAN_PER_YI);
  const frac = String(abs % YUAN_PER_YI)
    .padStart(8, '0')
    .replace(/0+$/, '');
  return `${yuan < 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Integer 元 as the plain 万元 decimal an input shows, exact to the 元: "1234.5". */
export function wanText(yuan: Yuan): string {
  const text = formatWan(yuan, 4).replace(/,/g, '');
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

export function sumYuan(values: Iterable<Yuan>): Yuan {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
