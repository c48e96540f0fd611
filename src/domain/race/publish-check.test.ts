import { describe, expect, it } from 'vitest';
import type { IndicatorKey } from './indicators.ts';
import { periodOf } from './period.ts';
import { hasPeriodEnded, publishChecks, type PublishFinding } from './publish-check.ts';
import { parseRaceDefinition } from './race-definition.ts';
import { rankUnits, type IndicatorValue, type RaceUnit } from './ranking.ts';

const race = (patch: Record<string, unknown> = {}) =>
  parseRaceDefinition({
    name: '2026年项目建设赛马',
    periodKind: 'month',
    indicators: [
      { key: 'fixedAssetInvestment', weight: 50, method: 'ratioToTarget' },
      { key: 'fiscalRevenue', weight: 30, method: 'efficacyCoefficient' },
      { key: 'projectsStarted', weight: 20, method: 'efficacyCoefficient' },
    ],
    topN: 1,
    bottomN: 1,
    ...patch,
  });

const townships: RaceUnit[] = ['兰江街道', '女埠街道', '柏社乡', '云山街道'].map((name, i) => ({
  unitId: i + 1,
  name,
  group: 'townships',
}));
const departments: RaceUnit[] = [{ unitId: 5, name: '发改局', group: 'departments' }];

/** Every township has an investment target of 100 and October revenue, except where `patch` says otherwise. */
function valuesWith(patch: { [K in IndicatorKey]?: Record<number, Partial<IndicatorValue>> } = {}) {
  const base = (key: IndicatorKey, v: IndicatorValue) =>
    new Map([...townships, ...departments].map((u) => [u.unitId, { ...v, ...patch[key]?.[u.unitId] }]));
  return new Map<IndicatorKey, Map<number, IndicatorValue>>([
    ['fixedAssetInvestment', base('fixedAssetInvestment', { value: 80, target: 100 })],
    ['fiscalRevenue', base('fiscalRevenue', { value: 1000, target: null })],
    ['projectsStarted', base('projectsStarted', { value: 2, target: null })],
  ]);
}

const october = periodOf('month', 2026, 10);
const check = ({
  definition = race(),
  units = townships,
  values = valuesWith(),
  today = '2026-11-23',
  period = october,
} = {}) => publishChecks({ definition, period, ranking: rankUnits({ definition, units, values }), today });

/** A finding as the table reads it: its code, what it is about, and the units' names. */
const brief = (f: PublishFinding) => [
  f.code,
  'indicator' in f ? f.indicator : 'group' in f ? f.group : 'sum' in f ? f.sum : null,
  f.units.map((u) => u.name).join('、'),
];

describe('publishChecks', () => {
  it('finds nothing when every unit has its target and its figures and the group names both lists', () => {
    expect(check()).toEqual([]);
  });

  it.each([
    [
      'a unit without a target for an indicator scored against one',
      { fixedAssetInvestment: { 2: { target: null } } },
      [['NO_TARGET', 'fixedAssetInvestment', '女埠街道']],
    ],
    [
      'a target of 0 that cannot divide',
      { fixedAssetInvestment: { 3: { target: 0 } } },
      [['BAD_TARGET', 'fixedAssetInvestment', '柏社乡']],
    ],
    [
      'a unit without the month’s entered statistic',
      { fiscalRevenue: { 1: { value: null }, 4: { value: null } } },
      [['NO_VALUE', 'fiscalRevenue', '兰江街道、云山街道']],
    ],
    [
      'both, indicator by indicator in the race’s order',
      { fiscalRevenue: { 3: { value: null } }, fixedAssetInvestment: { 2: { target: null }, 4: { target: null } } },
      [
        ['NO_TARGET', 'fixedAssetInvestment', '女埠街道、云山街道'],
        ['NO_VALUE', 'fiscalRevenue', '柏社乡'],
      ],
    ],
    // projectsStarted is computed and scored within the group: neither a target nor an entry is needed.
    ['nothing for a computed indicator without a target', { projectsStarted: { 1: { target: null } } }, []],
  ])('names %s', (_what, patch, expected) => {
    expect(check({ values: valuesWith(patch) }).map(brief)).toEqual(expected);
  });

  it('says which month’s statistic is missing', () => {
    expect(check({ values: valuesWith({ fiscalRevenue: { 1: { value: null } } }) })).toEqual([
      {
        code: 'NO_VALUE',
        blocking: false,
        indicator: 'fiscalRevenue',
        month: 10,
        units: [{ unitId: 1, name: '兰江街道' }],
      },
    ]);
  });

  it.each([
    ['fewer units than topN + bottomN', 3, 3, [['GROUP_TOO_SMALL', 'townships', expect.any(String)]]],
    ['exactly topN + bottomN', 2, 2, []],
    ['no lists asked for', 0, 0, []],
  ])('reports a group too small for both lists: %s', (_what, topN, bottomN, expected) => {
    expect(check({ definition: race({ topN, bottomN }) }).map(brief)).toEqual(expected);
  });

  it('counts a group’s units, not the county’s: one department is too small, the townships are not', () => {
    const findings = check({ units: [...townships, ...departments] });
    expect(findings.map(brief)).toEqual([['GROUP_TOO_SMALL', 'departments', '发改局']]);
    expect(findings[0]!.blocking).toBe(false);
  });

  it('blocks weights that do not add up to 100 and a period not yet ended, first', () => {
    const definition = race({
      indicators: [
        { key: 'fixedAssetInvestment', weight: 50, method: 'ratioToTarget' },
        { key: 'fiscalRevenue', weight: 30, method: 'efficacyCoefficient' },
      ],
    });
    const findings = check({
      definition,
      today: '2026-10-31',
      values: valuesWith({ fixedAssetInvestment: { 1: { target: null } } }),
    });
    expect(findings.map((f) => [f.code, f.blocking])).toEqual([
      ['PERIOD_NOT_ENDED', true],
      ['WEIGHTS_NOT_100', true],
      ['NO_TARGET', false],
    ]);
    expect(findings[1]).toMatchObject({ sum: 80 });
  });

  it.each([
    [periodOf('month', 2026, 10), '2026-10-31', false],
    [periodOf('month', 2026, 10), '2026-11-01', true],
    [periodOf('quarter', 2026, 3), '2026-09-30', false],
    [periodOf('quarter', 2026, 3), '2026-10-01', true],
    [periodOf('year', 2025, 1), '2025-12-31', false],
    [periodOf('year', 2025, 1), '2026-01-01', true],
  ])('%o has ended on %s: %s', (period, today, ended) => {
    expect(hasPeriodEnded(period, today)).toBe(ended);
  });
});
