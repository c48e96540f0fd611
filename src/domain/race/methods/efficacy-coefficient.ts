/**
 * efficacyCoefficient (功效系数法): within the peer group the best value scores 100 and the worst 60,
 * linearly between — 60 + 40 × (x − min) / (max − min), turned over for a lower-is-better indicator —
 * then × weight / 100. Group min 2, max 22, value 12 → 80, so 16 with weight 20.
 * When every value is equal (or only one unit has one) everyone scores 100. Units without a value get
 * no score (note 'noValue') and do not count towards min and max. No params.
 */
import { readParams } from '../config-error.ts';
import { cleanScore } from '../score.ts';
import type { ScoringMethod } from '../types.ts';

export type EfficacyCoefficientParams = Record<string, never>;

export function parseEfficacyCoefficientParams(input: unknown, at: string): EfficacyCoefficientParams {
  readParams(input, at, []);
  return {};
}

export const efficacyCoefficient: ScoringMethod<EfficacyCoefficientParams> = {
  parseParams: parseEfficacyCoefficientParams,
  suits: () => true,
  usesWeight: true,
  score(units, _params, { weight, higherIsBetter }) {
    const values = units.flatMap((u) => (u.value === null ? [] : [u.value]));
    const min = Math.min(...values);
    const max = Math.max(...values);
    return units.map(({ unitId, value }) => {
      if (value === null) return { unitId, score: null, note: 'noValue' as const };
      const share = max === min ? 1 : (higherIsBetter ? value - min : max - value) / (max - min);
      return { unitId, score: cleanScore(((60 + 40 * share) * weight) / 100) };
    });
  },
};
