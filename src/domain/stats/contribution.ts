/**
 * What one project adds to its lead unit's statistics (unit_stats): the figures the dashboard, the
 * four lists and the race read per unit instead of scanning every project and report.
 *
 * The server keeps the table current by difference: it takes a project's contribution before and
 * after a change, in the same transaction, and adds `after − before` to the unit's rows. A rebuild
 * in SQL produces the same rows from scratch (the integration tests compare the two).
 */
import { listMembership, LISTS } from '../projects/four-lists.ts';
import type { Stage } from '../projects/lifecycle.ts';
import type { Colour } from '../lights/types.ts';

/** 1 亿元 in 元: projects at or above it count as 亿元以上. */
export const YI = 100_000_000;

export const STAT_METRICS = [
  /** approved, current monthly amounts (元), at (year, month) */
  'done',
  /** annual plans (元), at (year, 0) */
  'plan',
  /** projects per current light colour, at (0, 0) */
  'light.green',
  'light.yellow',
  'light.red',
  'light.grey',
  /** projects and total investment on the stage lists, at (0, 0) */
  'planning.count',
  'planning.investment',
  'reserve.count',
  'reserve.investment',
  /** the start and production lists of a year (planned date's year), at (year, 0); done = actual date set */
  'start.count',
  'start.investment',
  'start.done',
  'production.count',
  'production.investment',
  'production.done',
  /** projects that actually started, at (year, month) of the actual start; and those of 1 亿元 or more */
  'starts',
  'startsAboveYi',
  /** projects on a start list not yet started, at (year, month) of the planned start: overdue once that month ends */
  'startDue',
] as const;
export type StatMetric = (typeof STAT_METRICS)[number];

export interface StatFacts {
  unitId: number;
  stage: Stage;
  totalInvestment: number;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  plannedProductionDate: string | null;
  actualProductionDate: string | null;
  plans: { year: number; amount: number }[];
  /** the current, approved revision of each month */
  approvedReports: { year: number; month: number; amount: number }[];
  colour: Colour | null;
}

export interface StatRow {
  unitId: number;
  year: number;
  month: number;
  metric: StatMetric;
  value: number;
}

const key = (r: Omit<StatRow, 'value'>) => `${r.unitId}|${r.year}|${r.month}|${r.metric}`;
const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

/** The rows one project contributes, with equal keys already summed. */
export function contributionOf(p: StatFacts): StatRow[] {
  const rows = new Map<string, StatRow>();
  const add = (year: number, month: number, metric: StatMetric, value: number) => {
    if (value === 0) return;
    const k = key({ unitId: p.unitId, year, month, metric });
    const r = rows.get(k);
    if (r) r.value += value;
    else rows.set(k, { unitId: p.unitId, year, month, metric, value });
  };
  for (const r of p.approvedReports) add(r.year, r.month, 'done', r.amount);
  for (const plan of p.plans) add(plan.year, 0, 'plan', plan.amount);
  if (p.colour) add(0, 0, `light.${p.colour}`, 1);

  const facts = {
    stage: p.stage,
    plannedStartDate: p.plannedStartDate,
    actualStartDate: p.actualStartDate,
    plannedProductionDate: p.plannedProductionDate,
    actualProductionDate: p.actualProductionDate,
  };
  for (const list of LISTS) {
    // The stage lists hold no year; the dated lists are filed under their planned date's year.
    const year =
      list === 'start' ? yearOf(p.plannedStartDate) : list === 'production' ? yearOf(p.plannedProductionDate) : 0;
    if (year === null) continue;
    const { member, status } = listMembership(facts, list, year);
    if (!member) continue;
    add(year, 0, `${list}.count`, 1);
    add(year, 0, `${list}.investment`, p.totalInvestment);
    if (status === 'done') add(year, 0, `${list}.done` as StatMetric, 1);
    if (list === 'start' && status === 'pending') add(year, Number(p.plannedStartDate!.slice(5, 7)), 'startDue', 1);
  }
  if (p.actualStartDate) {
    const [y, m] = [Number(p.actualStartDate.slice(0, 4)), Number(p.actualStartDate.slice(5, 7))];
    add(y, m, 'starts', 1);
    if (p.totalInvestment >= YI) add(y, m, 'startsAboveYi', 1);
  }
  return [...rows.values()];
}

/** after − before, row by row; rows whose difference is zero are left out. */
export function differenceOf(before: StatRow[], after: StatRow[]): StatRow[] {
  const out = new Map<string, StatRow>();
  for (const r of after) out.set(key(r), { ...r });
  for (const r of before) {
    const k = key(r);
    const o = out.get(k);
    if (o) o.value -= r.value;
    else out.set(k, { ...r, value: -r.value });
  }
  return [...out.values()].filter((r) => r.value !== 0);
}
