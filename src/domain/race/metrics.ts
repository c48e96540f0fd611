/**
 * What each computed race metric counts, project by project (DESIGN §3.5, §3.12a). The ranking as
 * of a past moment, the drill-through behind every number and the tests of the live figures all use
 * these predicates, so a number and the records it opens can never be two different sets.
 *
 * Every metric is bound to the period's end: a project started after the period ended does not
 * count as started in it, and was still overdue at its end; a red light is the light of the period's
 * last month, not today's.
 */
import { BIG_PROJECT_YUAN, type ComputedMetric, type IndicatorSource } from './indicators.ts';
import type { RacePeriod } from './period.ts';
import { isDealMetric } from './deal-metrics.ts';
import { isTicketMetric } from './ticket-metrics.ts';

/** How far back overdue starts are counted: a project planned ten years ago and never started is dropped in practice. */
export const OVERDUE_YEARS_BACK = 10;

/** A project's race facts as they stood at some moment (a version of project_versions, or the live row). */
export interface ProjectRaceFacts {
  stage: string;
  totalInvestment: number;
  plannedStartDate: string | null;
  actualStartDate: string | null;
}

export type PeriodBounds = Pick<RacePeriod, 'year' | 'endMonth'>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The period's first and last day, 'YYYY-01-01' and the last day of its last month. */
export function periodDays({ year, endMonth }: PeriodBounds): { from: string; to: string } {
  const last = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return { from: `${year}-01-01`, to: `${year}-${pad(endMonth)}-${pad(last)}` };
}

/** Started within the period (year to date through its last month). */
export function isStartedIn(p: ProjectRaceFacts, period: PeriodBounds): boolean {
  const { from, to } = periodDays(period);
  return p.actualStartDate !== null && p.actualStartDate >= from && p.actualStartDate <= to;
}

/** Started within the period with a total investment of 1 亿元 or more. */
export function isBigStartIn(p: ProjectRaceFacts, period: PeriodBounds): boolean {
  return isStartedIn(p, period) && p.totalInvestment >= BIG_PROJECT_YUAN;
}

/**
 * Past its planned start month and not started at the period's end: the planned month has ended by
 * then (within the last ten years), and the project had not started by the period's last day.
 * A dropped project (退库) is not overdue.
 */
export function isOverdueStartAt(p: ProjectRaceFacts, period: PeriodBounds): boolean {
  if (p.stage === 'dropped' || !p.plannedStartDate) return false;
  const plannedYear = Number(p.plannedStartDate.slice(0, 4));
  if (plannedYear < period.year - OVERDUE_YEARS_BACK) return false;
  const { to } = periodDays(period);
  if (p.plannedStartDate.slice(0, 7) > to.slice(0, 7)) return false;
  return p.actualStartDate === null || p.actualStartDate > to;
}

/** The per-project metrics and their predicate; `done` and `red` read reports and lights instead. */
export const PROJECT_METRICS = {
  starts: isStartedIn,
  startsAboveYi: isBigStartIn,
  overdueStarts: isOverdueStartAt,
} as const satisfies Partial<Record<ComputedMetric, (p: ProjectRaceFacts, period: PeriodBounds) => boolean>>;

export type ProjectMetric = keyof typeof PROJECT_METRICS;

export function isProjectMetric(metric: string): metric is ProjectMetric {
  return metric in PROJECT_METRICS;
}

/** The metrics with project or report records behind them (the drill-through); tickets are folded apart, deals come later. */
export const AVAILABLE_METRICS = [
  'done',
  'starts',
  'startsAboveYi',
  'red',
  'overdueStarts',
] as const satisfies readonly ComputedMetric[];
export type AvailableMetric = (typeof AVAILABLE_METRICS)[number];

/** Whether the server computes a metric today, so its figure has records behind it (the drill-through). */
export function isAvailableMetric(metric: string): metric is AvailableMetric {
  return (AVAILABLE_METRICS as readonly string[]).includes(metric);
}

/**
 * Whether Lantern holds data for an indicator: entered statistics always (a value or a gap someone can
 * fill), computed ones when the server computes their metric (the project metrics, the tickets' and the deals'). The ranking leaves the others
 * without a value (no data, not zero) and the indicator list marks them unavailable: one rule for both.
 */
export function hasIndicatorData(indicator: { source: IndicatorSource }): boolean {
  const { source } = indicator;
  return (
    source.kind !== 'computed' ||
    isAvailableMetric(source.metric) ||
    isTicketMetric(source.metric) ||
    isDealMetric(source.metric)
  );
}

/** An approved report month counts for `done` when it falls in the period's year up to its last month. */
export function isReportInPeriod(r: { year: number; month: number }, period: PeriodBounds): boolean {
  return r.year === period.year && r.month >= 1 && r.month <= period.endMonth;
}
