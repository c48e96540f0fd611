/**
 * ratioToTarget: the share of the target reached, capped, times the weight — min(value / target, cap)
 * × weight. With weight 30 and cap 1.2: 90 of 100 → 27; 150 of 100 → 36 (capped at 1.2).
 * For a lower-is-better indicator the ratio turns over: min(target / value, cap), and a value of 0
 * earns the cap. A shrinking actual (a negative growth rate) scores 0, not below: punishing is
 * deduction's job. A unit without a target has no score (note 'noTarget', shown as such, never 0);
 * a target ≤ 0 cannot divide and gives 'badTarget'. Targets are data, so neither is a config error.
 */
import { RaceConfigError, pathOf, readNumber, readParams } from '../config-error.ts';
import { cleanScore } from '../score.ts';
import type { MethodInput, ScoringContext, ScoringMethod, UnitScore } from '../types.ts';

export interface RatioToTargetParams {
  /** The highest ratio that counts, ≥ 1; 1.2 lets a unit earn up to 120% of the weight. */
  cap: number;
}

export const DEFAULT_RATIO_CAP = 1.2;
/** The lowest cap: below 1 a unit that meets its target would not earn its weight. */
export const MIN_RATIO_CAP = 1;

export function parseRatioToTargetParams(input: unknown, at: string): RatioToTargetParams {
  const raw = readParams(input, at, ['cap']);
  if (raw.cap === undefined) return { cap: DEFAULT_RATIO_CAP };
  const cap = readNumber(raw.cap, pathOf(at, 'cap'));
  if (cap <= 0) throw new RaceConfigError('CAP_NOT_POSITIVE', pathOf(at, 'cap'));
  if (cap < MIN_RATIO_CAP) throw new RaceConfigError('CAP_BELOW_ONE', pathOf(at, 'cap'));
  return { cap };
}

function scoreOne(
  unit: MethodInput,
  { cap }: RatioToTargetParams,
  { weight, higherIsBetter }: ScoringContext,
): UnitScore {
  const { unitId, value, target } = unit;
  if (target === null) return { unitId, score: null, note: 'noTarget' };
  if (!(target > 0)) return { unitId, score: null, note: 'badTarget' };
  if (value === null) return { unitId, score: null, note: 'noValue' };
  const ratio = higherIsBetter ? value / target : value <= 0 ? cap : target / value;
  return { unitId, score: cleanScore(Math.max(0, Math.min(ratio, cap)) * weight) };
}

export const ratioToTarget: ScoringMethod<RatioToTargetParams> = {
  parseParams: parseRatioToTargetParams,
  suits: () => true,
  usesWeight: true,
  score: (units, params, ctx) => units.map((u) => scoreOne(u, params, ctx)),
};
