import { describe, expect, it } from 'vitest';
import {
  BIG_PROJECT_YUAN,
  formatIndicatorValue,
  indicatorByKey,
  INDICATORS,
  isIndicatorKey,
  type IndicatorKey,
} from './indicators.ts';

describe('the indicator library', () => {
  it.each([
    ['fixedAssetInvestment', '固定资产投资', '元', true, { kind: 'computed', metric: 'done' }],
    ['newStartsAboveYi', '新开工亿元以上项目', '个', true, { kind: 'computed', metric: 'startsAboveYi' }],
    ['projectsStarted', '新开工项目数', '个', true, { kind: 'computed', metric: 'starts' }],
    ['redProjects', '红灯项目数', '个', false, { kind: 'computed', metric: 'red' }],
    ['overdueStarts', '逾期未开工项目数', '个', false, { kind: 'computed', metric: 'overdueStarts' }],
    ['signedDeals', '签约项目', '个', true, { kind: 'computed', metric: 'signedDeals' }],
    ['signedDealsAboveYi', '签约亿元以上项目', '个', true, { kind: 'computed', metric: 'signedDealsAboveYi' }],
    ['dealFundsInPlace', '招商到位资金', '元', true, { kind: 'computed', metric: 'dealFundsInPlace' }],
    ['dealLandingRate', '签约项目落地率', '%', true, { kind: 'computed', metric: 'dealLandingRate' }],
    ['ticketClosureRate', '问题办结率', '%', true, { kind: 'computed', metric: 'ticketClosureRate' }],
    ['ticketsOverdue', '超期未办结问题数', '个', false, { kind: 'computed', metric: 'ticketsOverdue' }],
    ['ticketSatisfaction', '问题办理满意率', '%', true, { kind: 'computed', metric: 'ticketSatisfaction' }],
    ['fiscalRevenue', '财政收入', '元', true, { kind: 'manual' }],
    ['industrialValueAdded', '规上工业增加值', '元', true, { kind: 'manual' }],
    ['fundsInPlace', '到位资金', '元', true, { kind: 'manual' }],
    ['taxRevenue', '税收', '元', true, { kind: 'manual' }],
    ['investmentGrowth', '固定资产投资增速', '%', true, { kind: 'manual' }],
  ] as const)('%s is %s in %s (higher is better: %s) from %o', (key, zh, unit, higherIsBetter, source) => {
    const indicator = indicatorByKey(key);
    expect(indicator).toMatchObject({ key, unit, higherIsBetter, source });
    expect(indicator.label['zh-CN']).toBe(zh);
    expect(indicator.label.en).not.toBe('');
  });

  it('has each key once', () => {
    const keys = INDICATORS.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(17);
  });

  it('counts 亿元以上 projects from 1 亿 = 100,000,000 元', () => {
    expect(BIG_PROJECT_YUAN).toBe(100_000_000);
  });

  it.each([
    ['fixedAssetInvestment', true],
    ['taxRevenue', true],
    ['gdp', false],
    ['toString', false],
    ['', false],
    [3, false],
    [null, false],
  ])('isIndicatorKey(%o) is %s', (key, expected) => {
    expect(isIndicatorKey(key)).toBe(expected);
  });

  it('indicatorByKey refuses a key outside the library', () => {
    expect(() => indicatorByKey('gdp' as IndicatorKey)).toThrow(RangeError);
  });
});

describe('formatIndicatorValue', () => {
  it.each([
    ['fixedAssetInvestment', 1_234_567_890, '12.35 亿元'],
    ['fiscalRevenue', 8_600_000, '860.00 万元'],
    ['ticketClosureRate', 87.46, '87.5%'],
    ['investmentGrowth', -3.25, '-3.3%'],
    ['projectsStarted', 3, '3 个'],
  ] as [IndicatorKey, number, string][])('%s %f reads %s', (key, value, text) => {
    expect(formatIndicatorValue(indicatorByKey(key), value)).toBe(text);
  });
});
