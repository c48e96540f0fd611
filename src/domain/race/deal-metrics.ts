/**
 * The race's deal figures (招商, DESIGN §3.5, §3.7): what one deal counts for its responsible unit in a
 * period (the year to its last day, dates inclusive). The caller folds the deal's history to the period's
 * end, so the live ranking and a bulletin's figures as of its date read the same rule:
 * - `signedDeals`: deals signed in the period and not terminated (contract cancelled) by its end;
 * - `signedDealsAboveYi`: those of them signed for 1 亿元 or more (BIG_PROJECT_YUAN);
 * - `dealFundsInPlace`: the funds arrived (到位资金) in the period, in 元 — a terminated deal's money still
 *   arrived;
 * - `dealLandingRate`: of the deals counted as signed, the share landed by the period's end, in percent —
 *   null when none was signed.
 */
import { BIG_PROJECT_YUAN } from './indicators.ts';

export const DEAL_METRICS = ['signedDeals', 'signedDealsAboveYi', 'dealFundsInPlace', 'dealLandingRate'] as const;
export type DealMetric = (typeof DEAL_METRICS)[number];
/** Whether a computed metric is one of the deals'. */
export const isDealMetric = (metric: string): metric is DealMetric =>
  (DEAL_METRICS as readonly string[]).includes(metric);

/** A deal as it stood at the period's end: its contract, its landing, its termination and its funds. */
export interface DealRaceFacts {
  signedOn: string | null;
  signedAmountYuan: number | null;
  landedOn: string | null;
  terminatedOn: string | null;
  /** Each arrival of funds (到位资金), dated, in integer 元. */
  funds: readonly { on: string; amountYuan: number }[];
}

/** A period by its first and last day, 'YYYY-MM-DD', both included (periodDays in metrics.ts). */
export interface DealPeriod {
  from: string;
  to: string;
}

/** What deals count for a unit: signed, of them ≥ 1 亿元 and landed, and the funds arrived in 元. */
export interface DealTally {
  signed: number;
  signedAboveYi: number;
  landedOfSigned: number;
  fundsYuan: number;
}

export const EMPTY_DEAL_TALLY: DealTally = { signed: 0, signedAboveYi: 0, landedOfSigned: 0, fundsYuan: 0 };

const within = (date: string | null, period: DealPeriod): date is string =>
  date !== null && date >= period.from && date <= period.to;

/**
 * What one deal counts for in the period — the counts 0 or 1, the funds in 元: the one rule of the tally
 * and of the drill-through. Signed 2026-03-10 for 3 亿元, landed 06-01, 5000 万元 arrived 2025-12-20 and
 * 1 亿元 2026-07-01: for Jan–Oct 2026 { signed: 1, signedAboveYi: 1, landedOfSigned: 1, fundsYuan: 100000000 }.
 */
export function dealCounts(d: DealRaceFacts, period: DealPeriod): DealTally {
  const terminated = d.terminatedOn !== null && d.terminatedOn <= period.to;
  const signed = within(d.signedOn, period) && !terminated;
  let fundsYuan = 0;
  for (const f of d.funds) if (within(f.on, period)) fundsYuan += f.amountYuan;
  return {
    signed: signed ? 1 : 0,
    signedAboveYi: signed && (d.signedAmountYuan ?? 0) >= BIG_PROJECT_YUAN ? 1 : 0,
    landedOfSigned: signed && d.landedOn !== null && d.landedOn <= period.to ? 1 : 0,
    fundsYuan,
  };
}

/** Two tallies added: a unit's tally is its deals' counts added up. */
export function addDealTally(a: DealTally, b: DealTally): DealTally {
  return {
    signed: a.signed + b.signed,
    signedAboveYi: a.signedAboveYi + b.signedAboveYi,
    landedOfSigned: a.landedOfSigned + b.landedOfSigned,
    fundsYuan: a.fundsYuan + b.fundsYuan,
  };
}

/** A unit's figure of a deal metric from its tally: the rate exact (the ranking rounds once), null without a base. */
export function dealFigure(metric: DealMetric, t: DealTally): number | null {
  switch (metric) {
    case 'signedDeals':
      return t.signed;
    case 'signedDealsAboveYi':
      return t.signedAboveYi;
    case 'dealFundsInPlace':
      return t.fundsYuan;
    case 'dealLandingRate':
      return t.signed ? (t.landedOfSigned * 100) / t.signed : null;
  }
}

/**
 * The deals a metric's figure is made of (the drill-through), and whether each counts in its numerator:
 * the counts' base is the deals they count; the funds', the deals with money arrived in the period; the
 * landing rate's, the signed deals (counted: landed by the period's end).
 */
export function dealRecordRole(metric: DealMetric, c: DealTally): { inBase: boolean; counted: boolean } {
  switch (metric) {
    case 'signedDeals':
      return { inBase: c.signed === 1, counted: c.signed === 1 };
    case 'signedDealsAboveYi':
      return { inBase: c.signedAboveYi === 1, counted: c.signedAboveYi === 1 };
    case 'dealFundsInPlace':
      return { inBase: c.fundsYuan !== 0, counted: c.fundsYuan !== 0 };
    case 'dealLandingRate':
      return { inBase: c.signed === 1, counted: c.landedOfSigned === 1 };
  }
}
