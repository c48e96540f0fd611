/**
 * The deals' funnel and breakdowns (DESIGN §3.7): how many deals reached each stage of the pipeline, how
 * many stand in it now, the share that went on to the next, and how long deals stayed — and amounts by
 * source region, industry chain or any other key. Read from each deal's visits to its stages (the history
 * of its moves); percentages are exact (the page rounds once).
 */
import { PIPELINE_STAGES, type DealStage } from './deal-stages.ts';

/** One stay of a deal in a stage: the day it entered and the day it left (null while it is there). */
export interface DealStageVisit {
  stage: DealStage;
  enteredOn: string;
  leftOn: string | null;
}

/** A deal as the funnel reads it: its visits in the order they happened. */
export interface FunnelDeal {
  visits: readonly DealStageVisit[];
}

/** One stage of the funnel. */
export interface FunnelRow {
  stage: DealStage;
  /** Deals that got this far along the pipeline at some time (a deal that entered at 在谈 reached 线索 and 研判). */
  reached: number;
  /** Deals standing in this stage now. */
  current: number;
  /** reached of the next stage over reached of this one, × 100; null for 落地 or when none reached this one. */
  conversionPct: number | null;
  /** Median calendar days spent in the stage by the deals that have left it (repeated stays summed). */
  medianDays: number | null;
}

/** The funnel, and the share of leads that got as far as signing. */
export interface DealFunnel {
  rows: FunnelRow[];
  /** reached 签约 over reached 线索, × 100; null when there are no deals. */
  signedPct: number | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** Calendar days from one date to another: '2026-09-28' to '2026-10-08' is 10. */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The middle value, the mean of the two middle ones for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How far along the pipeline a deal got: the index in PIPELINE_STAGES of its furthest stage, -1 for none. */
function furthest(deal: FunnelDeal): number {
  return Math.max(-1, ...deal.visits.map((v) => PIPELINE_STAGES.indexOf(v.stage)));
}

/**
 * The days a deal spent in `stage`, summed over its stays, or null while it still stands there (or never
 * did): the time a stage takes is known only once the deal has moved on.
 */
function daysIn(deal: FunnelDeal, stage: DealStage): number | null {
  const stays = deal.visits.filter((v) => v.stage === stage);
  if (stays.length === 0 || stays.some((v) => v.leftOn === null)) return null;
  return stays.reduce((sum, v) => sum + calendarDaysBetween(v.enteredOn, v.leftOn!), 0);
}

/**
 * The funnel of `deals` over PIPELINE_STAGES. A shelved or terminated deal counts as having reached the
 * furthest pipeline stage it was ever in; `current` counts deals whose last visit is the stage and not left.
 */
export function dealFunnel(deals: readonly FunnelDeal[]): DealFunnel {
  const reach = deals.map(furthest);
  const reached = PIPELINE_STAGES.map((_, i) => reach.filter((r) => r >= i).length);
  const rows = PIPELINE_STAGES.map((stage, i): FunnelRow => {
    const current = deals.filter((d) => {
      const last = d.visits[d.visits.length - 1];
      return last !== undefined && last.stage === stage && last.leftOn === null;
    }).length;
    const next = reached[i + 1];
    const days = deals.map((d) => daysIn(d, stage)).filter((n): n is number => n !== null);
    return {
      stage,
      reached: reached[i]!,
      current,
      conversionPct: next === undefined || reached[i] === 0 ? null : (next * 100) / reached[i]!,
      medianDays: median(days),
    };
  });
  const signed = reached[PIPELINE_STAGES.indexOf('signed')]!;
  return { rows, signedPct: reached[0] ? (signed * 100) / reached[0] : null };
}

/** One group of a breakdown: its key ('' for items without one), how many items, their amount in 元. */
export interface BreakdownRow {
  key: string;
  count: number;
  amountYuan: number;
}

/**
 * Items grouped by `keyOf` (null → ''), counted and their `amountOf` summed, the largest amount first and
 * equal amounts by key: amounts by source region, by industry chain, by responsible unit.
 */
export function breakdown<T>(
  items: readonly T[],
  keyOf: (t: T) => string | null,
  amountOf: (t: T) => number,
): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  for (const item of items) {
    const key = keyOf(item) ?? '';
    const row = rows.get(key) ?? { key, count: 0, amountYuan: 0 };
    row.count += 1;
    row.amountYuan += amountOf(item);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.amountYuan - a.amountYuan || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
