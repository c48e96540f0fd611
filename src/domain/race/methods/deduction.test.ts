import { describe, expect, it } from 'vitest';
import { configErrorOf, unitsWith } from '../fixtures.ts';
import { indicatorByKey, type IndicatorKey } from '../indicators.ts';
import { deduction } from './deduction.ts';

const scoreOf = (events: number | null, weight = 0) =>
  deduction.score(unitsWith([events]), { perEvent: 0.1, cap: 5 }, { weight, higherIsBetter: false })[0]!;

describe('deduction: −perEvent per event, floored at −cap (0.1 per event, cap 5)', () => {
  it.each([
    [1, -0.1],
    [7, -0.7],
    [30, -3],
    [49, -4.9],
    [50, -5],
    [51, -5],
    [80, -5],
  ])('%i events → %f', (events, expected) => {
    expect(scoreOf(events).score).toBe(expected);
  });

  it('takes nothing for no events, and gives 0 rather than −0', () => {
    expect(Object.is(scoreOf(0).score, 0)).toBe(true);
  });

  it('ignores the weight', () => {
    expect(scoreOf(30, 100).score).toBe(-3);
    expect(scoreOf(80, 1).score).toBe(-5);
  });

  it('gives a unit without a count no score', () => {
    expect(scoreOf(null)).toEqual({ unitId: 1, score: null, note: 'noValue' });
  });
});

describe('deduction params and fit', () => {
  it('accepts perEvent and cap', () => {
    expect(deduction.parseParams({ perEvent: 0.1, cap: 5 }, 'p')).toEqual({ perEvent: 0.1, cap: 5 });
  });

  it.each([
    [undefined, 'REQUIRED', 'p.perEvent'],
    [{ perEvent: 0.1 }, 'REQUIRED', 'p.cap'],
    [{ perEvent: 0, cap: 5 }, 'PER_EVENT_NOT_POSITIVE', 'p.perEvent'],
    [{ perEvent: -0.1, cap: 5 }, 'PER_EVENT_NOT_POSITIVE', 'p.perEvent'],
    [{ perEvent: 0.1, cap: 0 }, 'CAP_NOT_POSITIVE', 'p.cap'],
    [{ perEvent: 0.1, cap: '5' }, 'NOT_A_NUMBER', 'p.cap'],
    [{ perEvent: 0.1, cap: 5, floor: 1 }, 'UNKNOWN_PARAM', 'p.floor'],
  ])('refuses %o with %s at %s', (input, code, field) => {
    expect(configErrorOf(() => deduction.parseParams(input, 'p'))).toEqual({ code, field });
  });

  it.each([
    ['overdueStarts', true],
    ['redProjects', true],
    ['fixedAssetInvestment', false],
    ['projectsStarted', false],
  ] as [IndicatorKey, boolean][])('suits %s: %s (events to avoid only)', (key, suits) => {
    expect(deduction.suits(indicatorByKey(key))).toBe(suits);
  });

  it('does not use the weight', () => {
    expect(deduction.usesWeight).toBe(false);
  });
});
