/**
 * rankPoints: points by rank within the peer group, e.g. points [10, 8, 6, 4, 2]. Ranks follow the value
 * (highest first, lowest first for a lower-is-better indicator); equal values share the rank and its
 * points, and the next rank is skipped (1, 2, 2, 4). Ranks beyond the list earn 0, or the last entry
 * with `rest: 'last'`. Points scale to the weight: score = points / points[0] × weight, so first place
 * earns the full weight. Units without a value get no score (note 'noValue') and take no rank.
 */
import { RaceConfigError, pathOf, readNumber, readParams } from '../config-error.ts';
import { cleanScore } from '../score.ts';
import type { ScoringMethod } from '../types.ts';

export interface RankPointsParams {
  /** Points for rank 1, 2, …; non-increasing, the first one positive. */
  points: readonly number[];
  /** Points for ranks beyond the list: none ('zero', the default) or the last entry's ('last'). */
  rest: 'zero' | 'last';
}

export function parseRankPointsParams(input: unknown, at: string): RankPointsParams {
  const raw = readParams(input, at, ['points', 'rest']);
  const field = pathOf(at, 'points');
  if (raw.points === undefined) throw new RaceConfigError('REQUIRED', field);
  if (!Array.isArray(raw.points)) throw new RaceConfigError('NOT_A_LIST', field);
  if (raw.points.length === 0) throw new RaceConfigError('POINTS_EMPTY', field);
  const points = raw.points.map((p: unknown, i) => {
    const n = readNumber(p, pathOf(field, i));
    if (n < 0) throw new RaceConfigError('NEGATIVE', pathOf(field, i));
    return n;
  });
  if (!(points[0]! > 0)) throw new RaceConfigError('FIRST_POINTS_NOT_POSITIVE', pathOf(field, 0));
  points.forEach((p, i) => {
    if (i > 0 && p > points[i - 1]!) throw new RaceConfigError('POINTS_NOT_DESCENDING', pathOf(field, i));
  });
  const rest = raw.rest ?? 'zero';
  if (rest !== 'zero' && rest !== 'last') throw new RaceConfigError('BAD_REST', pathOf(at, 'rest'));
  return { points, rest };
}

/** Standard competition rank of `value` among `values`: 1 + how many are strictly better. */
function rankOf(value: number, values: readonly number[], higherIsBetter: boolean): number {
  return 1 + values.filter((v) => (higherIsBetter ? v > value : v < value)).length;
}

export const rankPoints: ScoringMethod<RankPointsParams> = {
  parseParams: parseRankPointsParams,
  suits: () => true,
  usesWeight: true,
  score(units, { points, rest }, { weight, higherIsBetter }) {
    const values = units.flatMap((u) => (u.value === null ? [] : [cleanScore(u.value)]));
    return units.map(({ unitId, value }) => {
      if (value === null) return { unitId, score: null, note: 'noValue' as const };
      const rank = rankOf(cleanScore(value), values, higherIsBetter);
      const earned = points[rank - 1] ?? (rest === 'last' ? points.at(-1)! : 0);
      return { unitId, score: cleanScore((earned / points[0]!) * weight) };
    });
  },
};
