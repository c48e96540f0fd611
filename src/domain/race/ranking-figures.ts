/**
 * The ranking's figures as text, rounded once: the page's table and the Excel export both write
 * these, so a figure reads the same in both. Money in 亿元 with two decimals, percents to one
 * decimal, counts whole; scores to two decimals; '—' without a figure.
 *
 *   rankingValueText(123_450_000, '元') → '1.23';  rankingValueText(87.46, '%') → '87.5';  rankingValueText(null, '个') → '—'
 */
import { formatYi } from '../money/money.ts';
import { formatPoints, formatScore, roundHalfUp } from '../progress/time-progress.ts';
import type { IndicatorUnit } from './indicators.ts';

/** A figure in its indicator's unit as a bare number ('%' and '亿元' stated by the column, not the cell). */
export function rankingValueText(value: number | null | undefined, unit: IndicatorUnit): string {
  if (value === null || value === undefined) return '—';
  if (unit === '元') return formatYi(value);
  if (unit === '%') return formatPoints(value);
  return String(roundHalfUp(value, 0));
}

/** A score with two decimals, or '—' for none. */
export function rankingScoreText(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : formatScore(score);
}

/**
 * Whether an indicator's column of a group shows targets: a ratio to target always does, another
 * method only when some unit of the group has a target.
 */
export function showsTarget(
  indicator: { method: string },
  rows: readonly { breakdown: readonly { target: number | null }[] }[],
  index: number,
): boolean {
  return (
    indicator.method === 'ratioToTarget' ||
    rows.some((r) => r.breakdown[index]?.target !== null && r.breakdown[index]?.target !== undefined)
  );
}
