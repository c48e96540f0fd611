import { describe, expect, it } from 'vitest';
import { cleanScore, roundScore } from './score.ts';

describe('roundScore', () => {
  it.each([
    [16.125, 16.13],
    [16.124, 16.12],
    [1.005, 1.01], // stored as 1.00499999…, rounded as a person would
    [-2.345, -2.35],
    [100 / 3, 33.33],
    [36, 36],
  ])('rounds %f half up to %f', (x, expected) => {
    expect(roundScore(x)).toBe(expected);
  });

  it('never gives −0', () => {
    expect(Object.is(roundScore(-0.001), 0)).toBe(true);
  });
});

describe('cleanScore', () => {
  it.each([
    [0.1 * 30, 3],
    [0.1 * 3, 0.3],
    [1.2 * 30, 36],
    [100 / 3, 33.3333333333],
  ])('cuts float noise from %f without rounding to cents', (x, expected) => {
    expect(cleanScore(x)).toBe(expected);
  });

  it('turns −0 into 0', () => {
    expect(Object.is(cleanScore(-0), 0)).toBe(true);
  });
});
