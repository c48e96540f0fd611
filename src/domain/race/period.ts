/**
 * The periods a race ranks: months 1–12, quarters 1–4, the year (index 1). Figures are read year to
 * date through the period's last month (e.g. Q3 → January–September), the way county statistics are
 * published ("1—9月累计").
 */
import type { PeriodKind } from './race-definition.ts';

export type RankedPeriodKind = Exclude<PeriodKind, 'week'>;

export interface RacePeriod {
  kind: RankedPeriodKind;
  year: number;
  index: number;
  /** The last month the period covers: 10 for October, 9 for the third quarter, 12 for the year. */
  endMonth: number;
  label: { 'zh-CN': string; en: string };
}

const QUARTERS = ['一', '二', '三', '四'];
const COUNT: Record<RankedPeriodKind, number> = { month: 12, quarter: 4, year: 1 };

export class PeriodError extends Error {
  constructor(
    readonly code: 'WEEK_UNSUPPORTED' | 'INDEX',
    readonly max: number,
  ) {
    super(code === 'INDEX' ? `period index must be 1..${max}` : 'weekly races are not ranked yet');
  }
}

/** periodOf('quarter', 2026, 3) → 2026年第三季度, through September. */
export function periodOf(kind: PeriodKind, year: number, index: number): RacePeriod {
  if (kind === 'week') throw new PeriodError('WEEK_UNSUPPORTED', 0);
  const max = COUNT[kind];
  if (!Number.isInteger(index) || index < 1 || index > max) throw new PeriodError('INDEX', max);
  const endMonth = kind === 'month' ? index : kind === 'quarter' ? index * 3 : 12;
  const label =
    kind === 'month'
      ? { 'zh-CN': `${year}年${index}月`, en: `${year}-${String(index).padStart(2, '0')}` }
      : kind === 'quarter'
        ? { 'zh-CN': `${year}年第${QUARTERS[index - 1]}季度`, en: `${year} Q${index}` }
        : { 'zh-CN': `${year}年度`, en: `${year}` };
  return { kind, year, index, endMonth, label };
}

/** The period before, crossing into the previous year (January → last December; Q1 → last Q4). */
export function previousPeriod(p: RacePeriod): RacePeriod {
  return p.index > 1 ? periodOf(p.kind, p.year, p.index - 1) : periodOf(p.kind, p.year - 1, COUNT[p.kind]);
}

/** Every period of the year up to and including `p`, for the history of ranks. */
export function periodsThrough(p: RacePeriod): RacePeriod[] {
  return Array.from({ length: p.index }, (_, i) => periodOf(p.kind, p.year, i + 1));
}

/**
 * The latest period that has ended by `today` (YYYY-MM-DD): on 2026-11-23 a monthly race's is October,
 * a quarterly race's the third quarter, a yearly race's 2025.
 */
export function latestFinishedPeriod(kind: PeriodKind, today: string): RacePeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'week') throw new PeriodError('WEEK_UNSUPPORTED', 0);
  if (kind === 'year') return periodOf('year', year - 1, 1);
  const lastMonth = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  if (kind === 'month') return periodOf('month', lastMonth.year, lastMonth.month);
  const quarter = Math.floor((lastMonth.month - 1) / 3) + 1;
  // A quarter is over only once its last month is.
  return lastMonth.month % 3 === 0
    ? periodOf('quarter', lastMonth.year, quarter)
    : quarter > 1
      ? periodOf('quarter', lastMonth.year, quarter - 1)
      : periodOf('quarter', lastMonth.year - 1, 4);
}
