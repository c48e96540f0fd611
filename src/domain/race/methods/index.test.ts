import { describe, expect, it } from 'vitest';
import { unitsWith } from '../fixtures.ts';
import type { ScoringMethod } from '../types.ts';
import { isMethodKey, METHOD_KEYS, SCORING_METHODS, type MethodKey } from './index.ts';

const validParams: { [K in MethodKey]: unknown } = {
  ratioToTarget: { cap: 1.2 },
  efficacyCoefficient: {},
  rankPoints: { points: [10, 8, 6] },
  tieredCount: { tiers: [{ min: 0, points: 1 }] },
  deduction: { perEvent: 0.1, cap: 5 },
};

describe('SCORING_METHODS', () => {
  it('has one strategy per method key and nothing else', () => {
    expect(Object.keys(SCORING_METHODS).sort()).toEqual([...METHOD_KEYS].sort());
  });

  it.each(METHOD_KEYS)('%s returns one result per unit, in input order', (key) => {
    const method = SCORING_METHODS[key] as ScoringMethod<unknown>;
    const units = unitsWith([5, null, 1], 10).map((u) => ({ ...u, unitId: 10 - u.unitId, counts: [u.value ?? 0] }));
    const results = method.score(units, method.parseParams(validParams[key], 'p'), {
      weight: 10,
      higherIsBetter: key !== 'deduction',
    });
    expect(results.map((r) => r.unitId)).toEqual([9, 8, 7]);
  });

  it.each([
    ['ratioToTarget', true],
    ['deduction', true],
    ['median', false],
    ['constructor', false],
    [1, false],
  ])('isMethodKey(%o) is %s', (key, expected) => {
    expect(isMethodKey(key)).toBe(expected);
  });
});
