import { describe, expect, it } from 'vitest';
import { AsOfInputError, parseAsOf } from './as-of.ts';

const ctx = { now: new Date('2026-12-02T03:00:00Z'), setupAt: '2026-01-05T02:00:00.000Z', timeZone: 'Asia/Shanghai' };
const codeOf = (input: string) => {
  try {
    parseAsOf(input, ctx);
    return null;
  } catch (e) {
    return e instanceof AsOfInputError ? e.code : 'other';
  }
};

describe('as of', () => {
  it('reads a local date as the end of that day in the county', () => {
    expect(parseAsOf('2026-10-31', ctx)).toBe('2026-10-31T15:59:59.999Z');
  });
  it('reads today as now', () => {
    expect(parseAsOf('2026-12-02', ctx)).toBe('2026-12-02T03:00:00.000Z');
  });
  it('takes an exact instant', () => {
    expect(parseAsOf('2026-11-08T10:00:00+08:00', ctx)).toBe('2026-11-08T02:00:00.000Z');
  });
  it.each([
    ['2026-12-03', 'FUTURE'],
    ['2026-12-02T04:00:00Z', 'FUTURE'],
    ['2026-01-04', 'BEFORE_SETUP'],
    ['2026-02-30', 'FORMAT'],
    ['昨天', 'FORMAT'],
    ['', 'FORMAT'],
  ])('refuses %s (%s)', (input, code) => {
    expect(codeOf(input)).toBe(code);
  });
});
