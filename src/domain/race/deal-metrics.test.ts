import { describe, expect, it } from 'vitest';
import {
  addDealTally,
  DEAL_METRICS,
  dealCounts,
  dealFigure,
  dealRecordRole,
  EMPTY_DEAL_TALLY,
  isDealMetric,
  type DealMetric,
  type DealRaceFacts,
  type DealTally,
} from './deal-metrics.ts';
import { indicatorByKey, INDICATORS } from './indicators.ts';
import { periodDays } from './metrics.ts';

// Jan–Oct 2026 as a race period: 2026-01-01 to 2026-10-31, both included.
const october = periodDays({ year: 2026, endMonth: 10 });
const YI = 100_000_000;
const WAN = 10_000;

const facts = (patch: Partial<DealRaceFacts>): DealRaceFacts => ({
  signedOn: null,
  signedAmountYuan: null,
  landedOn: null,
  terminatedOn: null,
  funds: [],
  ...patch,
});
const tally = (signed: number, signedAboveYi: number, landedOfSigned: number, fundsYuan: number): DealTally => ({
  signed,
  signedAboveYi,
  landedOfSigned,
  fundsYuan,
});

/** The deals of one township, each as it stood on 2026-10-31 (the 11-… dates: what the caller had not folded away). */
const deals = {
  // Signed for 3 亿元 in March, landed in June; 5000 万元 arrived in December 2025 (last year's), 1 亿元 in July.
  landed: facts({
    signedOn: '2026-03-10',
    signedAmountYuan: 3 * YI,
    landedOn: '2026-06-01',
    funds: [
      { on: '2025-12-20', amountYuan: 5000 * WAN },
      { on: '2026-07-01', amountYuan: YI },
    ],
  }),
  // Signed for 2 亿元 in April, the contract cancelled in September: not a signing, but its 3000 万元 arrived.
  cancelled: facts({
    signedOn: '2026-04-01',
    signedAmountYuan: 2 * YI,
    terminatedOn: '2026-09-15',
    funds: [{ on: '2026-05-10', amountYuan: 3000 * WAN }],
  }),
  // Cancelled in November: it still stood at October's end.
  cancelledLater: facts({ signedOn: '2026-04-01', signedAmountYuan: 2 * YI, terminatedOn: '2026-11-05' }),
  // Signed in November 2025: last year's signing, though it landed and money came this year (8000 万元 on 01-01).
  lastYear: facts({
    signedOn: '2025-11-20',
    signedAmountYuan: 5 * YI,
    landedOn: '2026-02-01',
    funds: [
      { on: '2025-12-31', amountYuan: 1000 * WAN },
      { on: '2026-01-01', amountYuan: 8000 * WAN },
    ],
  }),
  // Signed on the period's last day for 1 元 short of 1 亿元; 500 万元 that day, 700 万元 the day after.
  lastDay: facts({
    signedOn: '2026-10-31',
    signedAmountYuan: YI - 1,
    funds: [
      { on: '2026-10-31', amountYuan: 500 * WAN },
      { on: '2026-11-01', amountYuan: 700 * WAN },
    ],
  }),
  // Exactly 1 亿元, signed in August, landed in November: signed, not yet landed at October's end.
  landsLater: facts({ signedOn: '2026-08-01', signedAmountYuan: YI, landedOn: '2026-11-03' }),
  // Still in talks.
  talks: facts({}),
};

describe('what one deal counts for Jan–Oct 2026', () => {
  it.each<[keyof typeof deals, DealTally]>([
    ['landed', tally(1, 1, 1, YI)],
    ['cancelled', tally(0, 0, 0, 3000 * WAN)],
    ['cancelledLater', tally(1, 1, 0, 0)],
    ['lastYear', tally(0, 0, 0, 8000 * WAN)],
    ['lastDay', tally(1, 0, 0, 500 * WAN)],
    ['landsLater', tally(1, 1, 0, 0)],
    ['talks', tally(0, 0, 0, 0)],
  ])('%s → %o', (name, expected) => {
    expect(dealCounts(deals[name], october)).toEqual(expected);
  });

  it.each([
    ['on the period’s last day', '2026-10-31', 0],
    ['the day after it', '2026-11-01', 1],
    ['the day it was signed', '2026-08-01', 0],
  ])('a deal terminated %s (%s) counts as signed: %d', (_, terminatedOn, signed) => {
    expect(dealCounts({ ...deals.landsLater, terminatedOn }, october).signed).toBe(signed);
  });

  it('counts a signing of last year in last year’s period', () => {
    expect(dealCounts(deals.lastYear, periodDays({ year: 2025, endMonth: 12 }))).toEqual(tally(1, 1, 0, 1000 * WAN));
  });
});

describe("a unit's deal figures", () => {
  // signed: landed, cancelledLater, lastDay, landsLater = 4; ≥ 1 亿元: all but lastDay = 3; landed: 1;
  // funds: 1 亿 + 3000 万 + 8000 万 + 500 万 = 2.15 亿元.
  const total = Object.values(deals).reduce((t, d) => addDealTally(t, dealCounts(d, october)), EMPTY_DEAL_TALLY);

  it('adds the deals up', () => {
    expect(total).toEqual(tally(4, 3, 1, 215_000_000));
    expect(EMPTY_DEAL_TALLY).toEqual(tally(0, 0, 0, 0));
  });

  it.each<[DealMetric, number]>([
    ['signedDeals', 4],
    ['signedDealsAboveYi', 3],
    ['dealFundsInPlace', 215_000_000],
    ['dealLandingRate', 25], // 1 of 4
  ])('%s is %d', (metric, figure) => {
    expect(dealFigure(metric, total)).toBe(figure);
  });

  it('keeps the rate unrounded, and has none without a signing while the counts are zero', () => {
    expect(dealFigure('dealLandingRate', tally(3, 0, 1, 0))).toBe(100 / 3);
    expect(dealFigure('dealLandingRate', EMPTY_DEAL_TALLY)).toBeNull();
    expect(dealFigure('signedDeals', EMPTY_DEAL_TALLY)).toBe(0);
    expect(dealFigure('dealFundsInPlace', EMPTY_DEAL_TALLY)).toBe(0);
  });

  it.each<[DealMetric, string[]]>([
    ['signedDeals', ['landed+', 'cancelledLater+', 'lastDay+', 'landsLater+']],
    ['signedDealsAboveYi', ['landed+', 'cancelledLater+', 'landsLater+']],
    ['dealFundsInPlace', ['landed+', 'cancelled+', 'lastYear+', 'lastDay+']],
    ['dealLandingRate', ['landed+', 'cancelledLater', 'lastDay', 'landsLater']],
  ])('the drill-through of %s lists %j (+ counted)', (metric, listed) => {
    const roles = Object.entries(deals).flatMap(([name, d]) => {
      const role = dealRecordRole(metric, dealCounts(d, october));
      return role.inBase ? [`${name}${role.counted ? '+' : ''}`] : [];
    });
    expect(roles).toEqual(listed);
  });
});

describe('the deal metrics and their indicators', () => {
  it.each([
    ['signedDeals', true],
    ['dealLandingRate', true],
    ['ticketClosureRate', false],
    ['fundsInPlace', false],
  ])('isDealMetric(%s) is %s', (metric, expected) => {
    expect(isDealMetric(metric)).toBe(expected);
  });

  it('has an indicator for each metric, and the manual 到位资金 beside them', () => {
    const computedFrom = INDICATORS.flatMap((i) =>
      i.source.kind === 'computed' && isDealMetric(i.source.metric) ? [[i.source.metric, i.key]] : [],
    );
    expect(computedFrom).toEqual(DEAL_METRICS.map((m) => [m, m]));
    expect(indicatorByKey('fundsInPlace').source).toEqual({ kind: 'manual' });
  });
});
