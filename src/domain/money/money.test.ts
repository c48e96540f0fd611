import { describe, expect, it } from 'vitest';
import { formatMoney, formatWan, formatYi, MoneyError, parseWan, toWanNumber } from './money.ts';

describe('parseWan (万元 → integer 元)', () => {
  it.each([
    ['1234.5', 12_345_000],
    ['1,234.5678', 12_345_678],
    [' 0.0001 ', 1],
    ['3000', 30_000_000],
    [0.1 + 0.2, 3_000], // 0.30000000000000004 万元 is 3,000 元, not 3,000.0000000000005
    [1234.5, 12_345_000],
    ['100000000', 1_000_000_000_000], // 1 万亿元, the largest accepted
  ])('%s 万元 is %i 元', (input, yuan) => {
    expect(parseWan(input)).toBe(yuan);
  });

  it.each([
    ['abc', 'format'],
    ['1.2.3', 'format'],
    ['', 'format'],
    ['-5', 'negative'],
    ['1.00001', 'precision'],
    ['100000000.0001', 'tooLarge'],
    [Number.NaN, 'format'],
  ] as const)('refuses %s (%s)', (input, reason) => {
    expect(() => parseWan(input)).toThrowError(MoneyError);
    try {
      parseWan(input);
    } catch (e) {
      expect((e as MoneyError).reason).toBe(reason);
    }
  });

  it('allows negatives where asked (corrections)', () => {
    expect(parseWan('-12.5', { allowNegative: true })).toBe(-125_000);
  });
});

describe('formatting', () => {
  it.each([
    [12_345_678, '1,234.57', '0.12'],
    [12_345_000, '1,234.50', '0.12'],
    [50, '0.01', '0.00'], // 0.005 万元 rounds half up to 0.01
    [49, '0.00', '0.00'],
    [150_000_000, '15,000.00', '1.50'],
    [1_234_567_890, '123,456.79', '12.35'],
    [-12_345_678, '-1,234.57', '-0.12'],
  ])('%i 元 is %s 万元 and %s 亿元', (yuan, wan, yi) => {
    expect(formatWan(yuan)).toBe(wan);
    expect(formatYi(yuan)).toBe(yi);
  });

  it('says 亿元 from one 亿 up, 万元 below', () => {
    expect(formatMoney(99_999_999)).toBe('10,000.00 万元');
    expect(formatMoney(100_000_000)).toBe('1.00 亿元');
    expect(formatMoney(3_050_000_000)).toBe('30.50 亿元');
  });

  it('gives a plain 万元 number for charts', () => {
    expect(toWanNumber(12_345_678)).toBe(1234.5678);
  });
});
