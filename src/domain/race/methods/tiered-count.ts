/**
 * tieredCount: points per project by investment tier, e.g. tiers [{ min: 0, points: 1 },
 * { min: 100_000_000, points: 3 }, { min: 1_000_000_000, points: 5 }] — 1 point per project below
 * 1 亿元, 3 per project from 1 亿元, 5 from 10 亿元. The unit's input carries `counts`, one per tier in
 * the tiers' order (countByTier builds them from the projects' total investments); the score is
 * Σ count_i × points_i, capped at the weight. The unit's `value` is not read. A unit without counts
 * gets no score (note 'noValue'). Suits count indicators where more is better (新开工, 签约).
 */
import { RaceConfigError, pathOf, readNumber, readParams } from '../config-error.ts';
import type { Yuan } from '../../money/money.ts';
import { cleanScore } from '../score.ts';
import type { ScoringMethod } from '../types.ts';

export interface Tier {
  /** The smallest total investment of the tier, in 元 (integer, ≥ 0). */
  min: Yuan;
  /** Points per project of the tier (≥ 0). */
  points: number;
}

export interface TieredCountParams {
  /** Strictly ascending by min. */
  tiers: readonly Tier[];
}

export function parseTieredCountParams(input: unknown, at: string): TieredCountParams {
  const raw = readParams(input, at, ['tiers']);
  const field = pathOf(at, 'tiers');
  if (raw.tiers === undefined) throw new RaceConfigError('REQUIRED', field);
  if (!Array.isArray(raw.tiers)) throw new RaceConfigError('NOT_A_LIST', field);
  if (raw.tiers.length === 0) throw new RaceConfigError('TIERS_EMPTY', field);
  const tiers = raw.tiers.map((t: unknown, i): Tier => {
    const tierAt = pathOf(field, i);
    const { min, points } = readParams(t, tierAt, ['min', 'points']);
    const tier = { min: readNumber(min, pathOf(tierAt, 'min')), points: readNumber(points, pathOf(tierAt, 'points')) };
    if (tier.min < 0) throw new RaceConfigError('NEGATIVE', pathOf(tierAt, 'min'));
    if (!Number.isInteger(tier.min)) throw new RaceConfigError('NOT_AN_INTEGER', pathOf(tierAt, 'min'));
    if (tier.points < 0) throw new RaceConfigError('NEGATIVE', pathOf(tierAt, 'points'));
    return tier;
  });
  tiers.forEach((t, i) => {
    if (i > 0 && t.min <= tiers[i - 1]!.min)
      throw new RaceConfigError('TIERS_NOT_ASCENDING', pathOf(pathOf(field, i), 'min'));
  });
  return { tiers };
}

/**
 * The counts tieredCount reads: each investment falls in the highest tier whose min it reaches;
 * one below the first tier's min counts nowhere. With the tiers above, [5e7, 1.2e8, 3e9] → [1, 1, 1].
 */
export function countByTier(investments: Iterable<Yuan>, tiers: readonly Tier[]): number[] {
  const counts = tiers.map(() => 0);
  for (const yuan of investments) {
    const i = tiers.findLastIndex((t) => yuan >= t.min);
    if (i >= 0) counts[i]!++;
  }
  return counts;
}

export const tieredCount: ScoringMethod<TieredCountParams> = {
  parseParams: parseTieredCountParams,
  suits: (indicator) => indicator.unit === '个' && indicator.higherIsBetter,
  usesWeight: true,
  score(units, { tiers }, { weight }) {
    return units.map(({ unitId, counts }) => {
      if (!counts) return { unitId, score: null, note: 'noValue' as const };
      // A count list that does not match the tiers is the caller's bug, not data to score.
      if (counts.length !== tiers.length)
        throw new RangeError(`unit ${unitId}: ${counts.length} counts for ${tiers.length} tiers`);
      const earned = counts.reduce((sum, n, i) => sum + n * tiers[i]!.points, 0);
      return { unitId, score: cleanScore(Math.min(earned, weight)) };
    });
  },
};
