// How the dashboard words its percentages and its gap to 序时进度: the domain's rounding (formatPoints,
// one decimal, half up, once), never toFixed, so 29.95 points read "30.0" here as in a light's reason.
import { formatPoints } from '../../../../src/domain/progress/time-progress';

/** A percentage as the dashboard shows it ("45.8%"), or the dash when there is no plan. */
export function percentText(pct: number | null | undefined): string {
  return pct === null || pct === undefined ? '—' : `${formatPoints(pct)}%`;
}

/** The gap to 序时进度 as a direction and its size in points, rounded once: −29.95 → behind "30.0". */
export function gapWords(gap: number | null | undefined): {
  direction: 'none' | 'ahead' | 'behind' | 'even';
  points: string;
} {
  if (gap === null || gap === undefined) return { direction: 'none', points: '' };
  return { direction: gap > 0 ? 'ahead' : gap < 0 ? 'behind' : 'even', points: formatPoints(Math.abs(gap)) };
}
