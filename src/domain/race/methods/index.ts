/**
 * The one dispatch table of the race's scoring methods (DESIGN §3.5), keyed as a race definition
 * names them; each strategy lives in its own file beside this one.
 */
import type { ScoringMethod } from '../types.ts';
import { deduction, type DeductionParams } from './deduction.ts';
import { efficacyCoefficient, type EfficacyCoefficientParams } from './efficacy-coefficient.ts';
import { rankPoints, type RankPointsParams } from './rank-points.ts';
import { ratioToTarget, type RatioToTargetParams } from './ratio-to-target.ts';
import { tieredCount, type TieredCountParams } from './tiered-count.ts';

export const METHOD_KEYS = ['ratioToTarget', 'efficacyCoefficient', 'rankPoints', 'tieredCount', 'deduction'] as const;
export type MethodKey = (typeof METHOD_KEYS)[number];

/** Each method's parsed params. */
export interface MethodParams {
  ratioToTarget: RatioToTargetParams;
  efficacyCoefficient: EfficacyCoefficientParams;
  rankPoints: RankPointsParams;
  tieredCount: TieredCountParams;
  deduction: DeductionParams;
}

export const SCORING_METHODS: { [K in MethodKey]: ScoringMethod<MethodParams[K]> } = {
  ratioToTarget,
  efficacyCoefficient,
  rankPoints,
  tieredCount,
  deduction,
};

/** The method an editor's new indicator row is scored by until another is chosen: it needs no params. */
export const DEFAULT_METHOD = 'efficacyCoefficient' satisfies MethodKey;

export { DEFAULT_RATIO_CAP, MIN_RATIO_CAP } from './ratio-to-target.ts';

export function isMethodKey(key: unknown): key is MethodKey {
  return typeof key === 'string' && (METHOD_KEYS as readonly string[]).includes(key);
}
