import { describe, expect, it } from 'vitest';
import { configErrorOf, unitsWith } from '../fixtures.ts';
import { efficacyCoefficient } from './efficacy-coefficient.ts';

const scores = (values: (number | null)[], weight: number, higherIsBetter = true) =>
  efficacyCoefficient.score(unitsWith(values), {}, { weight, higherIsBetter }).map((s) => s.score);

describe('efficacyCoefficient (功效系数法): 60 + 40 × (x − min)/(max − min), × weight/100', () => {
  it('worked example: group min 2, max 22, value 12 → 80 before weighting, 16 with weight 20', () => {
    expect(scores([2, 22, 12], 100)).toEqual([60, 100, 80]);
    expect(scores([2, 22, 12], 20)).toEqual([12, 20, 16]);
  });

  it.each([
    [[2, 22, 7], 100, true, [60, 100, 70]],
    [[2, 22, 7], 100, false, [100, 60, 90]],
    [[2, 22, 12], 20, false, [20, 12, 16]],
    [[0, 3, 1], 30, true, [18, 30, 22]],
    [[1_000_000_000, 0, 250_000_000], 50, true, [50, 30, 35]],
  ])('values %o, weight %f, higher is better %s → %o', (values, weight, higherIsBetter, expected) => {
    expect(scores(values, weight, higherIsBetter)).toEqual(expected);
  });

  it.each([
    ['all equal', [5, 5, 5], [25, 25, 25]],
    ['all zero', [0, 0], [25, 25]],
    ['one unit with a value', [null, 8, null], [null, 25, null]],
  ])('everyone scores 100 (× weight/100) when %s', (_what, values, expected) => {
    expect(scores(values, 25)).toEqual(expected);
    expect(scores(values, 25, false)).toEqual(expected);
  });

  it('leaves units without a value out of min and max, with no score and note noValue', () => {
    // Were the missing value taken as 0, 2 would score above 60.
    expect(efficacyCoefficient.score(unitsWith([2, null, 22, 12]), {}, { weight: 100, higherIsBetter: true })).toEqual([
      { unitId: 1, score: 60 },
      { unitId: 2, score: null, note: 'noValue' },
      { unitId: 3, score: 100 },
      { unitId: 4, score: 80 },
    ]);
  });

  it('scores nobody when no unit has a value', () => {
    expect(scores([null, null], 20)).toEqual([null, null]);
  });

  it('takes no params', () => {
    expect(efficacyCoefficient.parseParams(undefined, 'p')).toEqual({});
    expect(efficacyCoefficient.parseParams({}, 'p')).toEqual({});
    expect(configErrorOf(() => efficacyCoefficient.parseParams({ floor: 60 }, 'p'))).toEqual({
      code: 'UNKNOWN_PARAM',
      field: 'p.floor',
    });
  });
});
