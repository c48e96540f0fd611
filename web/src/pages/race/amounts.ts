// Indicator values as people type and read them: money targets in 亿元, statistics in 万元, counts as
// whole numbers, percentages as numbers. Money goes through the decimal text, never a float product,
// so "2.5" 亿元 is exactly 250,000,000 元. The conversions are the domain's (src/domain/money), the
// rounding of points and scores too (src/domain/progress); this file only maps them to what inputs show.
import { parseWan, parseYi, wanText, yiText } from '../../../../src/domain/money/money';
import { rankingScoreText, rankingValueText } from '../../../../src/domain/race/ranking-figures';
import type { IndicatorUnit } from '../../api-race';

/** The reason a typed value was refused, as a message key of i18n-race. */
export type AmountProblem =
  'amount.format' | 'amount.integer' | 'amount.negative' | 'amount.tooPrecise' | 'amount.tooLarge';

export type Parsed = { ok: true; value: number | null } | { ok: false; problem: AmountProblem };

const clean = (text: string) => text.trim().replace(/[,，\s]/g, '');

function moneyProblem(error: unknown): AmountProblem {
  const reason = (error as { reason?: string }).reason;
  if (reason === 'precision') return 'amount.tooPrecise';
  if (reason === 'tooLarge') return 'amount.tooLarge';
  if (reason === 'negative') return 'amount.negative';
  return 'amount.format';
}

/** A money amount typed in 亿元 ("30", "2.5", "0.00000001") as integer 元; '' is null (no value). */
export function parseYiText(input: string): Parsed {
  const text = clean(input);
  if (text === '') return { ok: true, value: null };
  if (text.startsWith('-')) return { ok: false, problem: 'amount.negative' };
  try {
    return { ok: true, value: parseYi(text) };
  } catch (error) {
    return { ok: false, problem: moneyProblem(error) };
  }
}

/** A money amount typed in 万元 as integer 元; '' is null. */
export function parseWanText(input: string): Parsed {
  const text = clean(input);
  if (text === '') return { ok: true, value: null };
  if (text.startsWith('-')) return { ok: false, problem: 'amount.negative' };
  try {
    return { ok: true, value: parseWan(text) };
  } catch (error) {
    return { ok: false, problem: moneyProblem(error) };
  }
}

/** Integer 元 as the plain 亿元 decimal an input shows ("2.5"), exact to the 元. */
export function yuanToYiText(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined ? '' : yiText(yuan);
}

/** Integer 元 as the plain 万元 decimal an input shows ("1234.5"). */
export function yuanToWanText(yuan: number | null | undefined): string {
  return yuan === null || yuan === undefined ? '' : wanText(yuan);
}

/** A count or a percentage typed as a number; '' is null. Percentages may be negative (a growth rate). */
export function parsePlainText(input: string, unit: '个' | '%'): Parsed {
  const text = clean(input).replace(/%$/, '');
  if (text === '') return { ok: true, value: null };
  if (unit === '个') {
    if (/^-\d+$/.test(text)) return { ok: false, problem: 'amount.negative' };
    if (/^\d+\.\d+$/.test(text)) return { ok: false, problem: 'amount.integer' };
    if (!/^\d+$/.test(text)) return { ok: false, problem: 'amount.format' };
    const n = Number(text);
    return Number.isSafeInteger(n) ? { ok: true, value: n } : { ok: false, problem: 'amount.tooLarge' };
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { ok: false, problem: 'amount.format' };
  if (/\.\d{5,}$/.test(text)) return { ok: false, problem: 'amount.tooPrecise' };
  return { ok: true, value: Number(text) };
}

/** How a target is typed: 亿元 for money. */
export function parseTargetText(input: string, unit: IndicatorUnit): Parsed {
  return unit === '元' ? parseYiText(input) : parsePlainText(input, unit);
}

/** A target as its input shows it. */
export function targetToText(value: number | null | undefined, unit: IndicatorUnit): string {
  if (value === null || value === undefined) return '';
  return unit === '元' ? yuanToYiText(value) : String(value);
}

/** How a statistic is typed: 万元 for money (the statistics bureau's unit). */
export function parseStatText(input: string, unit: IndicatorUnit): Parsed {
  return unit === '元' ? parseWanText(input) : parsePlainText(input, unit);
}

export function statToText(value: number | null | undefined, unit: IndicatorUnit): string {
  if (value === null || value === undefined) return '';
  return unit === '元' ? yuanToWanText(value) : String(value);
}

/**
 * A value for reading in a table: money in 亿元 with two decimals, a count, a percentage with one
 * decimal — the domain's text (rankingValueText), which the Excel export writes too.
 */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit): string {
  const text = rankingValueText(value, unit);
  return unit === '%' && text !== '—' ? `${text}%` : text;
}

/** A score with two decimals ("36.00"), or the dash for none (as the Excel export writes it). */
export const formatScore = rankingScoreText;
