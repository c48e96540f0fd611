import { describe, expect, it } from 'vitest';
import { configErrorOf, unitsWith } from '../fixtures.ts';
import { rankPoints, type RankPointsParams } from './rank-points.ts';

const points = [10, 8, 6, 4, 2];
const scores = (
  values: (number | null)[],
  params: Partial<RankPointsParams> = {},
  { weight = 20, higherIsBetter = true } = {},
) =>
  rankPoints
    .score(unitsWith(values), { points, rest: 'zero', ...params }, { weight, higherIsBetter })
    .map((s) => s.score);

describe('rankPoints: points by rank, points[0] mapping to the full weight', () => {
  it.each([
    ['distinct values', [50, 40, 30, 20, 10], [20, 16, 12, 8, 4]],
    ['input order does not matter', [10, 50, 30], [12, 20, 16]],
    ['a tie shares rank 2 and its points, rank 3 is skipped (1, 2, 2, 4)', [50, 40, 40, 30], [20, 16, 16, 8]],
    ['a tie at the top', [9, 9, 1], [20, 20, 12]],
    ['ranks beyond the list earn 0', [60, 50, 40, 30, 20, 10, 0], [20, 16, 12, 8, 4, 0, 0]],
  ])('%s: %o → %o', (_what, values, expected) => {
    expect(scores(values)).toEqual(expected);
  });

  it("gives ranks beyond the list the last entry's points with rest 'last'", () => {
    expect(scores([60, 50, 40, 30, 20, 10, 0], { rest: 'last' })).toEqual([20, 16, 12, 8, 4, 4, 4]);
  });

  it('ranks the lowest first for a lower-is-better indicator', () => {
    expect(scores([1, 3, 0, 3], {}, { higherIsBetter: false })).toEqual([16, 12, 20, 12]);
  });

  it('scales to the weight', () => {
    expect(scores([3, 2, 1], { points: [5, 3, 1] }, { weight: 15 })).toEqual([15, 9, 3]);
  });

  it('gives units without a value no score and no rank', () => {
    expect(
      rankPoints.score(unitsWith([null, 5, 3]), { points, rest: 'zero' }, { weight: 20, higherIsBetter: true }),
    ).toEqual([
      { unitId: 1, score: null, note: 'noValue' },
      { unitId: 2, score: 20 },
      { unitId: 3, score: 16 },
    ]);
  });
});

describe('rankPoints params', () => {
  it.each([
    [{ points: [10, 8, 6] }, { points: [10, 8, 6], rest: 'zero' }],
    [
      { points: [10, 10, 5], rest: 'last' },
      { points: [10, 10, 5], rest: 'last' },
    ],
    [{ points: [3, 0] }, { points: [3, 0], rest: 'zero' }],
  ])('accepts %o', (input, expected) => {
    expect(rankPoints.parseParams(input, 'p')).toEqual(expected);
  });

  it.each([
    [undefined, 'REQUIRED', 'p.points'],
    [{ points: 10 }, 'NOT_A_LIST', 'p.points'],
    [{ points: [] }, 'POINTS_EMPTY', 'p.points'],
    [{ points: [10, '8'] }, 'NOT_A_NUMBER', 'p.points[1]'],
    [{ points: [10, -2] }, 'NEGATIVE', 'p.points[1]'],
    [{ points: [0, 0] }, 'FIRST_POINTS_NOT_POSITIVE', 'p.points[0]'],
    [{ points: [5, 8, 2] }, 'POINTS_NOT_DESCENDING', 'p.points[1]'],
    [{ points: [10], rest: 0 }, 'BAD_REST', 'p.rest'],
    [{ points: [10], bonus: 1 }, 'UNKNOWN_PARAM', 'p.bonus'],
  ])('refuses %o with %s at %s', (input, code, field) => {
    expect(configErrorOf(() => rankPoints.parseParams(input, 'p'))).toEqual({ code, field });
  });
});
