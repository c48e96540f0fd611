import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../fixtures.ts';
import { indicatorByKey, type IndicatorKey } from '../indicators.ts';
import { countByTier, tieredCount } from './tiered-count.ts';

const YI = 100_000_000;
const tiers = [
  { min: 0, points: 1 },
  { min: YI, points: 3 },
  { min: 10 * YI, points: 5 },
];
const scoreOf = (counts: number[] | undefined, weight = 15) =>
  tieredCount.score(
    [{ unitId: 4, value: null, target: null, counts }],
    { tiers },
    { weight, higherIsBetter: true },
  )[0]!;

describe('tieredCount: Σ count × tier points, capped at the weight', () => {
  it.each([
    [[2, 1, 1], 10],
    [[4, 2, 1], 15],
    [[5, 3, 1], 15], // 19 capped at the weight
    [[0, 0, 3], 15],
    [[0, 0, 0], 0],
    [[1, 0, 0], 1],
  ])('counts %o with weight 15 → %f', (counts, expected) => {
    expect(scoreOf(counts)).toEqual({ unitId: 4, score: expected });
  });

  it('gives a unit without counts no score', () => {
    expect(scoreOf(undefined)).toEqual({ unitId: 4, score: null, note: 'noValue' });
  });

  it('refuses counts that do not match the tiers (a caller bug)', () => {
    expect(() => scoreOf([1, 2])).toThrow(RangeError);
  });
});

describe('countByTier', () => {
  it('puts each investment in the highest tier it reaches', () => {
    expect(countByTier([50_000_000, YI, 1.2 * YI, 10 * YI - 1, 30 * YI, 0], tiers)).toEqual([2, 3, 1]);
  });

  it('counts an investment below the first tier nowhere', () => {
    expect(countByTier([50_000_000, 2 * YI], [{ min: YI, points: 1 }])).toEqual([1]);
  });

  it('gives zeros for no projects', () => {
    expect(countByTier([], tiers)).toEqual([0, 0, 0]);
  });
});

describe('tieredCount params and fit', () => {
  it('accepts ascending tiers', () => {
    expect(tieredCount.parseParams({ tiers }, 'p')).toEqual({ tiers });
  });

  it.each([
    [undefined, 'REQUIRED', 'p.tiers'],
    [{ tiers: {} }, 'NOT_A_LIST', 'p.tiers'],
    [{ tiers: [] }, 'TIERS_EMPTY', 'p.tiers'],
    [{ tiers: [3] }, 'NOT_AN_OBJECT', 'p.tiers[0]'],
    [{ tiers: [{ min: 0 }] }, 'REQUIRED', 'p.tiers[0].points'],
    [{ tiers: [{ min: -1, points: 1 }] }, 'NEGATIVE', 'p.tiers[0].min'],
    [{ tiers: [{ min: 0.5, points: 1 }] }, 'NOT_AN_INTEGER', 'p.tiers[0].min'],
    [{ tiers: [{ min: 0, points: -1 }] }, 'NEGATIVE', 'p.tiers[0].points'],
    [
      {
        tiers: [
          { min: YI, points: 3 },
          { min: 0, points: 1 },
        ],
      },
      'TIERS_NOT_ASCENDING',
      'p.tiers[1].min',
    ],
    [
      {
        tiers: [
          { min: YI, points: 3 },
          { min: YI, points: 5 },
        ],
      },
      'TIERS_NOT_ASCENDING',
      'p.tiers[1].min',
    ],
    [{ tiers: [{ min: 0, points: 1, max: YI }] }, 'UNKNOWN_PARAM', 'p.tiers[0].max'],
  ])('refuses %o with %s at %s', (input, code, field) => {
    expect(configErrorOf(() => tieredCount.parseParams(input, 'p'))).toEqual({ code, field });
  });

  it.each([
    ['projectsStarted', true],
    ['newStartsAboveYi', true],
    ['signedDeals', true],
    ['signedDealsAboveYi', true],
    ['dealFundsInPlace', false],
    ['dealLandingRate', false],
    ['redProjects', false],
    ['fixedAssetInvestment', false],
    ['ticketClosureRate', false],
  ] as [IndicatorKey, boolean][])('suits %s: %s', (key, suits) => {
    expect(tieredCount.suits(indicatorByKey(key))).toBe(suits);
  });
});
