import { describe, expect, it } from 'vitest';
import {
  formatPoints,
  formatScore,
  gapToTimeProgress,
  parseCurve,
  roundHalfUp,
  timeProgress,
  TimeProgressError,
  yearCompletion,
} from './time-progress.ts';

// A front-light curve: little in the winter, most of the work from spring to autumn.
const curve = [2, 5, 12, 20, 30, 42, 52, 62, 72, 82, 92, 100];

function codeOf(fn: () => unknown): { code: string; index: number | null } | null {
  try {
    fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(TimeProgressError);
    return { code: (e as TimeProgressError).code, index: (e as TimeProgressError).index };
  }
}

describe('timeProgress (序时进度)', () => {
  it.each([
    [1, 100 / 12],
    [3, 25],
    [6, 50],
    [9, 75],
    [10, 83.333],
    [12, 100],
  ])('month %i is %f%% of the year without a curve', (month, pct) => {
    expect(timeProgress(month)).toBeCloseTo(pct, 3);
  });

  it('month 3 is exactly 25, not 25.000000000000004', () => {
    expect(timeProgress(3)).toBe(25);
  });

  it.each([
    [1, 2],
    [3, 12],
    [10, 82],
    [12, 100],
  ])('month %i reads %i%% from the curve', (month, pct) => {
    expect(timeProgress(month, curve)).toBe(pct);
  });

  it.each([0, 13, 2.5, Number.NaN])('refuses month %s', (month) => {
    expect(codeOf(() => timeProgress(month))).toEqual({ code: 'MONTH', index: null });
  });
});

describe('parseCurve', () => {
  it('accepts a valid curve, flat stretches included', () => {
    const flat = [0, 0, 10, 10, 40, 50, 60, 70, 80, 90, 100, 100];
    expect(parseCurve(flat)).toEqual(flat);
    expect(parseCurve(curve)).toEqual(curve);
  });

  it.each([
    ['not a list', 'x', 'NOT_A_LIST', null],
    ['11 numbers', curve.slice(1), 'LENGTH', null],
    ['a string inside', [...curve.slice(0, 4), '30', ...curve.slice(5)], 'NOT_A_NUMBER', 4],
    ['a negative value', [-1, ...curve.slice(1)], 'OUT_OF_RANGE', 0],
    ['a value above 100', [...curve.slice(0, 11), 101], 'OUT_OF_RANGE', 11],
    ['a decrease', [2, 5, 12, 10, 30, 42, 52, 62, 72, 82, 92, 100], 'DECREASING', 3],
    ['an end below 100', [...curve.slice(0, 11), 95], 'END_NOT_100', 11],
  ] as [string, unknown, string, number | null][])('refuses %s (%s)', (_what, input, code, index) => {
    expect(codeOf(() => parseCurve(input))).toEqual({ code, index });
  });

  it('timeProgress checks the curve it is given', () => {
    expect(codeOf(() => timeProgress(3, [1, 2, 3]))).toEqual({ code: 'LENGTH', index: null });
  });
});

describe('yearCompletion', () => {
  it.each([
    [30_900_000, 100_000_000, 30.9],
    [0, 50_000_000, 0],
    [60_000_000, 50_000_000, 120], // above plan is allowed
  ])('%i 元 of %i 元 is %f%%', (cumulative, plan, pct) => {
    expect(yearCompletion(cumulative, plan)).toBeCloseTo(pct, 9);
  });

  it.each([0, null, undefined])('is null without a plan (%s)', (plan) => {
    expect(yearCompletion(10_000, plan)).toBeNull();
  });
});

describe('gapToTimeProgress', () => {
  it('month 3 with 30.90% completed is 5.90 points ahead (30.90 − 25.00)', () => {
    expect(gapToTimeProgress(30.9, timeProgress(3))).toBe(5.9);
    expect(formatPoints(gapToTimeProgress(30.9, timeProgress(3)))).toBe('5.9');
  });

  it('month 10 with 97.17% completed is 13.8 points ahead (97.17 − 83.33… = 13.836…, rounded once)', () => {
    const gap = gapToTimeProgress(97.17, timeProgress(10));
    expect(gap).toBe(13.8);
    expect(formatPoints(gap)).toBe('13.8');
  });

  it('rounds the exact difference once: −72.347 is −72.3, not −72.35 → −72.4', () => {
    expect(gapToTimeProgress(11.0, 83.347)).toBe(-72.3);
    // Rounding to two decimals first, then to one, was the dashboard's bug.
    expect(roundHalfUp(roundHalfUp(11.0 - 83.347, 2), 1)).toBe(-72.4);
  });

  it('never subtracts rounded figures: 45.7756% against 83.3333…% is 37.6 behind (45.8 − 83.3 would say 37.5)', () => {
    expect(gapToTimeProgress(45.7756, timeProgress(10))).toBe(-37.6);
    expect(roundHalfUp(roundHalfUp(45.7756, 1) - roundHalfUp(timeProgress(10), 1), 1)).toBe(-37.5);
  });

  it.each([
    [15, 25, -10],
    [41.2, 66.67, -25.5],
    [50, 50, 0],
  ])('%f%% against %f%% is %f points', (completion, time, gap) => {
    expect(gapToTimeProgress(completion, time)).toBe(gap);
  });

  it('works from money: 30,900,000 of 100,000,000 元 at month 3', () => {
    expect(gapToTimeProgress(yearCompletion(30_900_000, 100_000_000)!, timeProgress(3))).toBe(5.9);
  });
});

describe('rounding and formatting', () => {
  it.each([
    [13.84, '13.8'],
    [5.9, '5.9'],
    [25.45, '25.5'], // half up
    [9.95, '10.0'], // 9.949999… in binary, still rounds up
    [-25.45, '-25.5'], // half away from zero
    [-0.04, '0.0'], // no "-0.0"
    [0, '0.0'],
    [100, '100.0'],
  ])('formatPoints(%f) is "%s"', (x, text) => {
    expect(formatPoints(x)).toBe(text);
  });

  it.each([
    [25 - 15.05, 1, 10], // 9.949999999999999 → 10.0
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [30.9 - 25, 2, 5.9],
  ])('roundHalfUp(%f, %i) is %f', (x, d, r) => {
    expect(roundHalfUp(x, d)).toBe(r);
  });
});

describe('formatScore', () => {
  it.each([
    [85.325, '85.33'], // toFixed(2) says 85.32: the binary 85.325 sits just below
    [1.005, '1.01'],
    [29.95, '29.95'],
    [0, '0.00'],
  ])('formatScore(%f) is "%s"', (x, text) => {
    expect(formatScore(x)).toBe(text);
  });
});
