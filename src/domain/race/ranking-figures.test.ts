import { describe, expect, it } from 'vitest';
import { rankingScoreText, rankingValueText, showsTarget } from './ranking-figures.ts';

describe('the ranking figures, as the page and the Excel file write them', () => {
  it.each([
    [123_450_000, '元', '1.23'],
    [125_000_000, '元', '1.25'],
    [100_500_000, '元', '1.01'],
    [87.46, '%', '87.5'],
    [9.95, '%', '10.0'],
    [3, '个', '3'],
    [null, '个', '—'],
  ] as const)('%s %s → %s', (value, unit, text) => {
    expect(rankingValueText(value, unit)).toBe(text);
  });

  it.each([
    [85.325, '85.33'],
    [36, '36.00'],
    [null, '—'],
  ])('score %s → %s', (score, text) => expect(rankingScoreText(score)).toBe(text));

  it('shows targets for a ratio to target, and elsewhere only when some unit has one', () => {
    const rows = [{ breakdown: [{ target: null }, { target: 5 }] }];
    expect(showsTarget({ method: 'ratioToTarget' }, rows, 0)).toBe(true);
    expect(showsTarget({ method: 'efficacyCoefficient' }, rows, 0)).toBe(false);
    expect(showsTarget({ method: 'efficacyCoefficient' }, rows, 1)).toBe(true);
  });
});
