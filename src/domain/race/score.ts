/**
 * Score arithmetic shared by the methods and the ranking. Methods keep scores exact (only binary float
 * noise is cut, so 0.1 × 30 is 3 and not 3.0000000000000004); rounding to two decimals happens in one
 * place, roundScore, which the ranking applies to every breakdown score and total it presents.
 */
import { roundHalfUp } from '../progress/time-progress.ts';

/** Cuts float noise at 12 significant digits and turns −0 into 0; does not round. */
export function cleanScore(x: number): number {
  return Number(x.toPrecision(12)) + 0;
}

/** Two decimals, half away from zero: 16.125 → 16.13, −2.345 → −2.35. The only rounding of scores. */
export function roundScore(x: number): number {
  return roundHalfUp(x, 2) + 0;
}
