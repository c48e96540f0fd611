/**
 * 序时进度 (time progress): the share of the year that should be done by the end of a month, and how
 * far a project's year completion is ahead of or behind it, in percentage points (DESIGN §3.3).
 *
 * Percentages are plain numbers (25 means 25%). Differences are cleaned of binary float noise before
 * they are rounded, so 30.90 − 25 is 5.9 and not 5.8999999999999995.
 */
import type { Yuan } from '../money/money.ts';

export type CurveErrorCode = 'NOT_A_LIST' | 'LENGTH' | 'NOT_A_NUMBER' | 'OUT_OF_RANGE' | 'DECREASING' | 'END_NOT_100';

/** Bad input to the time-progress functions: a month outside 1..12, or a monthly curve that is not one. */
export class TimeProgressError extends Error {
  constructor(
    readonly code: CurveErrorCode | 'MONTH',
    /** 0-based position in the curve of the offending value, when there is one. */
    readonly index: number | null = null,
  ) {
    super(
      code === 'MONTH'
        ? 'month must be an integer 1..12'
        : `invalid monthly curve: ${code}${index === null ? '' : ` at ${index}`}`,
    );
    this.name = 'TimeProgressError';
  }
}

/** Twelve cumulative percentages, one per month end, non-decreasing, ending at 100. */
export type MonthlyCurve = readonly number[];

/**
 * Checks a monthly curve, e.g. [5, 10, 20, …, 100], and returns it; throws TimeProgressError naming the
 * first thing wrong. Parse once where the curve is configured; timeProgress checks again (12 numbers).
 */
export function parseCurve(input: unknown): MonthlyCurve {
  if (!Array.isArray(input)) throw new TimeProgressError('NOT_A_LIST');
  if (input.length !== 12) throw new TimeProgressError('LENGTH');
  input.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new TimeProgressError('NOT_A_NUMBER', i);
    if (v < 0 || v > 100) throw new TimeProgressError('OUT_OF_RANGE', i);
    if (i > 0 && v < (input[i - 1] as number)) throw new TimeProgressError('DECREASING', i);
  });
  if (input[11] !== 100) throw new TimeProgressError('END_NOT_100', 11);
  return input as number[];
}

/**
 * 序时进度 at the end of `month` (1..12), in percent: month × 100 / 12 without a curve (month 3 → 25,
 * month 10 → 83.33…), or curve[month − 1] with one. Unrounded.
 */
export function timeProgress(month: number, curve?: readonly number[] | null): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new TimeProgressError('MONTH');
  if (curve) return parseCurve(curve)[month - 1]!;
  // Multiply first: 3 × 100 / 12 is exactly 25, where 3 / 12 × 100 need not be.
  return (month * 100) / 12;
}

/** Year completion in percent (cumulative ÷ annual plan × 100), unrounded; null when there is no plan. */
export function yearCompletion(cumulativeYuan: Yuan, annualPlanYuan: Yuan | null | undefined): number | null {
  if (annualPlanYuan === null || annualPlanYuan === undefined || !(annualPlanYuan > 0)) return null;
  return (cumulativeYuan * 100) / annualPlanYuan;
}

/**
 * Completion minus 序时进度 in percentage points, as published (DESIGN §3.12a): from the exact figures,
 * rounded once, half up, to one decimal; positive = ahead, negative = behind. Never subtract two
 * rounded figures: 45.7756 − 83.3333… is −37.558 → −37.6, where 45.8 − 83.3 would say −37.5.
 * gapToTimeProgress(30.90, 25) → 5.9; gapToTimeProgress(97.17, timeProgress(10)) → 13.8.
 */
export function gapToTimeProgress(completionPct: number, timePct: number): number {
  return roundHalfUp(completionPct - timePct, 1);
}

/** A score in points to two decimals, rounded half up once: 85.325 → "85.33" (toFixed would say 85.32). */
export function formatScore(x: number): string {
  return roundHalfUp(x, 2).toFixed(2);
}

/**
 * Rounds half away from zero to `decimals`, after cutting float noise at 12 significant digits, so a
 * value meant as 9.95 (stored 9.949999…) rounds to 10.0 as a person would.
 */
export function roundHalfUp(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Number((Math.abs(x) * scale).toPrecision(12));
  const rounded = Math.round(scaled) / scale;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Percentage points (or a percent) to one decimal, as bulletins print them: 13.84 → "13.8", −0.04 → "0.0". */
export function formatPoints(x: number): string {
  return roundHalfUp(x, 1).toFixed(1);
}
