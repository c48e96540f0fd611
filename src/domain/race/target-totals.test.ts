import { describe, expect, it } from 'vitest';
import { targetTotals } from './target-totals.ts';

const INDICATORS = [
  { key: 'fiscalRevenue', unit: '元' as const },
  { key: 'projectsStarted', unit: '个' as const },
  { key: 'investmentGrowth', unit: '%' as const },
];

describe('targetTotals: the 合计 row of the targets grid', () => {
  it.each([
    [
      'money adds up to the 元, counts add up, percentages have no total',
      [1, 2],
      [
        { unitId: 1, indicator: 'fiscalRevenue', value: 2_400_000_001 },
        { unitId: 2, indicator: 'fiscalRevenue', value: 1_200_000_002 },
        { unitId: 1, indicator: 'projectsStarted', value: 12 },
        { unitId: 2, indicator: 'projectsStarted', value: 8 },
        { unitId: 1, indicator: 'investmentGrowth', value: 8.5 },
      ],
      [
        { indicator: 'fiscalRevenue', total: 3_600_000_003, count: 2 },
        { indicator: 'projectsStarted', total: 20, count: 2 },
        { indicator: 'investmentGrowth', total: null, count: 1 },
      ],
    ],
    [
      'a unit not shown is not counted, and no target is no total (not zero)',
      [1],
      [
        { unitId: 1, indicator: 'fiscalRevenue', value: 100 },
        { unitId: 9, indicator: 'fiscalRevenue', value: 900 },
        { unitId: 9, indicator: 'projectsStarted', value: 3 },
      ],
      [
        { indicator: 'fiscalRevenue', total: 100, count: 1 },
        { indicator: 'projectsStarted', total: null, count: 0 },
        { indicator: 'investmentGrowth', total: null, count: 0 },
      ],
    ],
    [
      'a zero target counts and adds nothing',
      [1, 2],
      [
        { unitId: 1, indicator: 'projectsStarted', value: 0 },
        { unitId: 2, indicator: 'projectsStarted', value: 0 },
      ],
      [
        { indicator: 'fiscalRevenue', total: null, count: 0 },
        { indicator: 'projectsStarted', total: 0, count: 2 },
        { indicator: 'investmentGrowth', total: null, count: 0 },
      ],
    ],
  ])('%s', (_, unitIds, items, expected) => {
    expect(targetTotals(INDICATORS, unitIds, items)).toEqual(expected);
  });
});
