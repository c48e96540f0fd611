import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  formatWan,
  formatYi,
  MoneyError,
  parseWan,
  parseYi,
  plainDecimal,
  toWanNumber,
  toYiNumber,
  wanText,
  yiText,
} from './money.ts';

describe('parseWan (万元 → integer 元)', () => {
  it.each([
    ['1234.5', 12_345_000],
    ['1,234.5678', 12_345_678],
    [' 0.0001 ', 1],
    ['3000', 30_000_000],
    ['1234.56780', 12_345_678], // zeros past the 4th decimal say nothing finer than 元
    [1234.5, 12_345_000],
    [176.35, 1_763_500], // its double is 176.3499999…, but 176.35 is what was written
    [12345.6789, 123_456_789],
    [0.0001, 1],
    [-0, 0], // JSON's -0 is zero, not a negative zero
    ['-0', 0],
    ['100000000', 1_000_000_000_000], // 1 万亿元, the largest accepted
    [100_000_000, 1_000_000_000_000],
  ])('%s 万元 is %i 元', (input, yuan) => {
    expect(parseWan(input)).toBe(yuan);
  });

  it.each([
    ['abc', 'format'],
    ['1.2.3', 'format'],
    ['', 'format'],
    ['1e21', 'format'], // text must be plain digits
    [Number.NaN, 'format'],
    [Number.POSITIVE_INFINITY, 'format'],
    ['-5', 'negative'],
    [-5, 'negative'],
    ['1.00001', 'precision'],
    // Finer than one 元 is refused in every form, never rounded to the nearest 元.
    [0.00005, 'precision'], // half a 元; was stored as 1 元
    ['0.00005', 'precision'],
    [1234.56785, 'precision'], // was stored as 1234.5679 万元
    ['1234.56785', 'precision'],
    [1e-7, 'precision'], // written "1e-7" in JSON; was stored as 0
    [0.1 + 0.2, 'precision'], // 0.30000000000000004 is the number sent; a client sums in 元 or sends text
    ['100000000.0001', 'tooLarge'],
    [1e21, 'tooLarge'], // "1e+21": 10^21 万元, beyond 1 万亿元
    [Number.MAX_VALUE, 'tooLarge'],
  ] as const)('refuses %s (%s)', (input, reason) => {
    expect(() => parseWan(input)).toThrowError(MoneyError);
    try {
      parseWan(input);
    } catch (e) {
      expect((e as MoneyError).reason).toBe(reason);
    }
  });

  it('reads every amount to the 元 sent as a JSON number as exactly that amount', () => {
    // Up to 13 significant digits (1 万亿元 to the 元) always survive the trip through a double.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const samples = [1, 9_999, 10_001, 1_763_500, 123_456_789, 999_999_999_999, 1_000_000_000_000];
    for (let i = 0; i < 10_000; i++) samples.push((next() * 1000 + next()) % 1_000_000_000_001);
    for (const yuan of samples) expect(parseWan(JSON.parse(JSON.stringify(yuan / 10_000)))).toBe(yuan);
  });

  it('allows negatives where asked (corrections)', () => {
    expect(parseWan('-12.5', { allowNegative: true })).toBe(-125_000);
    expect(parseWan(-12.5, { allowNegative: true })).toBe(-125_000);
  });
});

describe('plainDecimal (a number as the decimal it was written as)', () => {
  it.each([
    [176.35, '176.35'],
    [0.00005, '0.00005'],
    [1e-7, '0.0000001'],
    [-1.5e-7, '-0.00000015'],
    [1e21, '1000000000000000000000'],
    [1.23e27, '1230000000000000000000000000'],
    [-0, '0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [12345.6789, '12345.6789'],
    [Number.NaN, 'NaN'],
  ])('%s is "%s"', (n, text) => {
    expect(plainDecimal(n)).toBe(text);
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

describe('亿元 and the plain decimals inputs show (the web reads and writes amounts through these)', () => {
  it.each([
    ['30', 3_000_000_000],
    ['2.5', 250_000_000],
    ['.5', 50_000_000],
    ['2.', 200_000_000],
    ['0.00000001', 1],
    ['1,234.5', 123_450_000_000],
  ])('%s 亿元 is %i 元', (text, yuan) => {
    expect(parseYi(text)).toBe(yuan);
  });

  it.each([
    ['abc', 'format'],
    ['', 'format'],
    ['.', 'format'],
    ['0.000000001', 'precision'],
    ['-1', 'negative'],
    ['10001', 'tooLarge'],
  ])('refuses %j 亿元 (%s)', (text, reason) => {
    expect(() => parseYi(text)).toThrow(expect.objectContaining({ reason }));
  });

  it.each([
    [250_000_000, '2.5', '25000'],
    [1, '0.00000001', '0.0001'],
    [123_456_789, '1.23456789', '12345.6789'],
    [0, '0', '0'],
  ])('%i 元 shows as %s 亿元 and %s 万元, and reads back', (yuan, yi, wan) => {
    expect(yiText(yuan)).toBe(yi);
    expect(wanText(yuan)).toBe(wan);
    expect(parseYi(yi)).toBe(yuan);
    expect(parseWan(wan)).toBe(yuan);
  });

  it('gives a plain 亿元 number for charts, rounded half up', () => {
    expect(toYiNumber(1_234_567_890)).toBe(12.35);
    expect(toYiNumber(150_000_000)).toBe(1.5);
    expect(toYiNumber(1_000_000 / 2)).toBe(0.01);
  });
});
