/**
 * deduction: minus `perEvent` points per event, floored at −cap; the value is the number of events.
 * With 0.1 per project past its start deadline and a cap of 5: 30 events → −3, 80 events → −5.
 * Scores are 0 or negative and lie outside the 100 points: the weight is ignored (a race gives a
 * deduction indicator weight 0). Units without a value get no score (note 'noValue').
 * Suits lower-is-better indicators only (events one should avoid).
 */
import { RaceConfigError, pathOf, readNumber, readParams } from '../config-error.ts';
import { cleanScore } from '../score.ts';
import type { ScoringMethod } from '../types.ts';

export interface DeductionParams {
  /** Points taken per event, > 0. */
  perEvent: number;
  /** The most points taken in all, > 0. */
  cap: number;
}

export function parseDeductionParams(input: unknown, at: string): DeductionParams {
  const raw = readParams(input, at, ['perEvent', 'cap']);
  const perEvent = readNumber(raw.perEvent, pathOf(at, 'perEvent'));
  if (perEvent <= 0) throw new RaceConfigError('PER_EVENT_NOT_POSITIVE', pathOf(at, 'perEvent'));
  const cap = readNumber(raw.cap, pathOf(at, 'cap'));
  if (cap <= 0) throw new RaceConfigError('CAP_NOT_POSITIVE', pathOf(at, 'cap'));
  return { perEvent, cap };
}

export const deduction: ScoringMethod<DeductionParams> = {
  parseParams: parseDeductionParams,
  suits: (indicator) => !indicator.higherIsBetter,
  usesWeight: false,
  score(units, { perEvent, cap }) {
    return units.map(({ unitId, value }) => {
      if (value === null) return { unitId, score: null, note: 'noValue' as const };
      return { unitId, score: cleanScore(-Math.min(Math.max(value, 0) * perEvent, cap)) };
    });
  },
};
