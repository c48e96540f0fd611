import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../fixtures.ts';
import { ratioToTarget } from './ratio-to-target.ts';

const score = (value: number | null, target: number | null, { cap = 1.2, weight = 30, higherIsBetter = true } = {}) =>
  ratioToTarget.score([{ unitId: 7, value, target }], { cap }, { weight, higherIsBetter })[0]!;

describe('ratioToTarget: min(value / target, cap) × weight', () => {
  it.each([
    ['below target', 90, 100, 1.2, 30, 27],
    ['on target', 100, 100, 1.2, 30, 30],
    ['above target, under the cap', 110, 100, 1.2, 30, 33],
    ['exactly at the cap', 96, 80, 1.2, 30, 36],
    ['past the cap (1.25 → 1.2)', 100, 80, 1.2, 30, 36],
    ['far past the cap (1.5 → 1.2)', 150, 100, 1.2, 30, 36],
    ['past a cap of 1 (no bonus)', 150, 100, 1, 30, 30],
    ['nothing done', 0, 100, 1.2, 30, 0],
    ['a shrinking growth rate (floored at 0)', -5, 8, 1.2, 20, 0],
    ['money in 元', 612_000_000, 1_200_000_000, 1.2, 40, 20.4],
  ])('%s: %f of %f, cap %f, weight %f → %f', (_what, value, target, cap, weight, expected) => {
    expect(score(value, target, { cap, weight })).toEqual({ unitId: 7, score: expected });
  });

  it.each([
    ['twice the allowed (2 of 1 target → 0.5)', 4, 2, 5],
    ['on target', 2, 2, 10],
    ['half the allowed (ratio 2 → cap 1.2)', 1, 2, 12],
    ['none at all (→ cap)', 0, 2, 12],
  ])('lower is better, %s: value %f target %f, weight 10 → %f', (_what, value, target, expected) => {
    expect(score(value, target, { weight: 10, higherIsBetter: false }).score).toBe(expected);
  });

  it.each([
    ['no target: noTarget, not 0', 90, null, 'noTarget'],
    ['a zero target cannot divide', 90, 0, 'badTarget'],
    ['a negative target cannot divide', 90, -10, 'badTarget'],
    ['no value', null, 100, 'noValue'],
    ['no target outranks no value', null, null, 'noTarget'],
  ])('%s', (_what, value, target, note) => {
    expect(score(value, target)).toEqual({ unitId: 7, score: null, note });
    expect(score(value, target, { higherIsBetter: false })).toEqual({ unitId: 7, score: null, note });
  });

  it('scores each unit on its own target, in input order', () => {
    const units = [
      { unitId: 3, value: 50, target: 100 },
      { unitId: 1, value: 50, target: 50 },
      { unitId: 2, value: 50, target: null },
    ];
    expect(ratioToTarget.score(units, { cap: 1.2 }, { weight: 10, higherIsBetter: true })).toEqual([
      { unitId: 3, score: 5 },
      { unitId: 1, score: 10 },
      { unitId: 2, score: null, note: 'noTarget' },
    ]);
  });
});

describe('ratioToTarget params', () => {
  it.each([
    [undefined, 1.2],
    [{}, 1.2],
    [{ cap: 1 }, 1],
    [{ cap: 1.5 }, 1.5],
  ])('%o gives cap %f', (input, cap) => {
    expect(ratioToTarget.parseParams(input, 'p')).toEqual({ cap });
  });

  it.each([
    [{ cap: 0 }, 'CAP_NOT_POSITIVE', 'p.cap'],
    [{ cap: -1.2 }, 'CAP_NOT_POSITIVE', 'p.cap'],
    [{ cap: 0.8 }, 'CAP_BELOW_ONE', 'p.cap'],
    [{ cap: '1.2' }, 'NOT_A_NUMBER', 'p.cap'],
    [{ cap: NaN }, 'NOT_A_NUMBER', 'p.cap'],
    [{ cap: 1.2, floor: 0 }, 'UNKNOWN_PARAM', 'p.floor'],
    [[1.2], 'NOT_AN_OBJECT', 'p'],
  ])('refuses %o with %s at %s', (input, code, field) => {
    expect(configErrorOf(() => ratioToTarget.parseParams(input, 'p'))).toEqual({ code, field });
  });
});
