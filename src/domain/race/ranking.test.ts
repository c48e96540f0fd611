import { describe, expect, it } from 'vitest';
import type { IndicatorKey } from './indicators.ts';
import { parseRaceDefinition } from './race-definition.ts';
import { rankUnits, type IndicatorValue, type RaceUnit, type RankingRow } from './ranking.ts';

/**
 * One indicator scored by ratio to a target of 100 with weight 100, so a unit's value is its total:
 * the ranking's behaviour reads straight off the table.
 */
const direct = (patch: Record<string, unknown> = {}) =>
  parseRaceDefinition({
    name: '赛马',
    periodKind: 'month',
    indicators: [{ key: 'fixedAssetInvestment', weight: 100, method: 'ratioToTarget', params: { cap: 2 } }],
    ...patch,
  });

const townships = (names: string[]): RaceUnit[] =>
  names.map((name, i) => ({ unitId: i + 1, name, group: 'townships' }));

/** The values map for one indicator, unit i + 1 getting values[i] against `target`. */
const valuesOf = (key: IndicatorKey, values: (number | null)[], target: number | null = 100) =>
  new Map([[key, new Map<number, IndicatorValue>(values.map((value, i) => [i + 1, { value, target }]))]]);

const summary = (rows: RankingRow[]) => rows.map((r) => [r.name, r.total, r.rank]);
const names = (rows: RankingRow[]) => rows.map((r) => r.name);

describe('rankUnits', () => {
  it('sorts by total, equal totals sharing a rank in competition order (1, 2, 2, 4)', () => {
    const ranking = rankUnits({
      definition: direct(),
      units: townships(['甲镇', '乙镇', '丙镇', '丁镇']),
      values: valuesOf('fixedAssetInvestment', [70, 85, 90, 85]),
    });
    expect(summary(ranking.groups[0]!.rows)).toEqual([
      ['丙镇', 90, 1],
      ['丁镇', 85, 2], // dīng before yǐ
      ['乙镇', 85, 2],
      ['甲镇', 70, 4],
    ]);
  });

  it('orders tied units by name in Chinese collation (安 before 北, which code points would reverse)', () => {
    const units: RaceUnit[] = [
      { unitId: 1, name: '北山镇', group: 'townships' },
      { unitId: 2, name: '安平镇', group: 'townships' },
      { unitId: 3, name: '城关镇', group: 'townships' },
    ];
    const ranking = rankUnits({ definition: direct(), units, values: valuesOf('fixedAssetInvestment', [80, 80, 80]) });
    expect(names(ranking.groups[0]!.rows)).toEqual(['安平镇', '北山镇', '城关镇']);
    expect(ranking.groups[0]!.rows.map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('ties totals equal after rounding to two decimals', () => {
    const ranking = rankUnits({
      definition: direct(),
      units: townships(['乙镇', '甲镇', '丙镇']),
      values: valuesOf('fixedAssetInvestment', [80.004, 80.001, 80.006]),
    });
    expect(summary(ranking.groups[0]!.rows)).toEqual([
      ['丙镇', 80.01, 1],
      ['甲镇', 80, 2],
      ['乙镇', 80, 2],
    ]);
  });

  it('totals the rounded breakdown scores, so the printed breakdown adds up', () => {
    const definition = parseRaceDefinition({
      name: '赛马',
      periodKind: 'month',
      indicators: [
        { key: 'fixedAssetInvestment', weight: 50, method: 'ratioToTarget' },
        { key: 'taxRevenue', weight: 50, method: 'ratioToTarget' },
      ],
    });
    const third = { value: 1, target: 3 }; // 50 / 3 = 16.666… each
    const values = new Map<IndicatorKey, Map<number, IndicatorValue>>([
      ['fixedAssetInvestment', new Map([[1, third]])],
      ['taxRevenue', new Map([[1, third]])],
    ]);
    const [row] = rankUnits({ definition, units: townships(['甲镇']), values }).groups[0]!.rows;
    expect(row!.breakdown.map((b) => b.score)).toEqual([16.67, 16.67]);
    expect(row!.total).toBe(33.34); // not 33.33, the rounded exact sum
  });

  it('keeps a missing score null in the breakdown with its note, counting 0 in the total', () => {
    const definition = parseRaceDefinition({
      name: '赛马',
      periodKind: 'quarter',
      indicators: [
        { key: 'fixedAssetInvestment', weight: 60, method: 'ratioToTarget' },
        { key: 'fiscalRevenue', weight: 40, method: 'ratioToTarget' },
      ],
    });
    const values = new Map<IndicatorKey, Map<number, IndicatorValue>>([
      [
        'fixedAssetInvestment',
        new Map([
          [1, { value: 450_000_000, target: 500_000_000 }],
          [2, { value: 100, target: 100 }],
        ]),
      ],
      ['fiscalRevenue', new Map([[1, { value: 30_000_000, target: null }]])], // unit 2 has no entry at all
    ]);
    const rows = rankUnits({ definition, units: townships(['甲镇', '乙镇']), values }).groups[0]!.rows;
    expect(rows.find((r) => r.name === '甲镇')).toMatchObject({
      total: 54,
      breakdown: [
        { indicator: 'fixedAssetInvestment', value: 450_000_000, target: 500_000_000, score: 54, note: null },
        { indicator: 'fiscalRevenue', value: 30_000_000, target: null, score: null, note: 'noTarget' },
      ],
    });
    expect(rows.find((r) => r.name === '乙镇')).toMatchObject({
      total: 60,
      breakdown: [
        { indicator: 'fixedAssetInvestment', score: 60, note: null },
        { indicator: 'fiscalRevenue', value: null, target: null, score: null, note: 'noTarget' },
      ],
    });
  });

  it('adds deductions to the total', () => {
    const definition = parseRaceDefinition({
      name: '赛马',
      periodKind: 'month',
      indicators: [
        { key: 'fixedAssetInvestment', weight: 100, method: 'ratioToTarget' },
        { key: 'overdueStarts', method: 'deduction', params: { perEvent: 0.1, cap: 5 } },
      ],
    });
    const values = new Map<IndicatorKey, Map<number, IndicatorValue>>([
      [
        'fixedAssetInvestment',
        new Map([
          [1, { value: 90, target: 100 }],
          [2, { value: 88, target: 100 }],
        ]),
      ],
      [
        'overdueStarts',
        new Map([
          [1, { value: 30, target: null }],
          [2, { value: 0, target: null }],
        ]),
      ],
    ]);
    expect(summary(rankUnits({ definition, units: townships(['甲镇', '乙镇']), values }).groups[0]!.rows)).toEqual([
      ['乙镇', 88, 1],
      ['甲镇', 87, 2],
    ]);
  });

  it('gives the change of rank as previous − current, null without a previous rank', () => {
    const units = townships(['甲镇', '乙镇', '丙镇', '丁镇']);
    const values = valuesOf('fixedAssetInvestment', [90, 85, 80, 70]);
    const previousRanks = new Map([
      [1, 3],
      [2, 1],
      [3, 3],
    ]);
    const rows = rankUnits({ definition: direct(), units, values, previousRanks }).groups[0]!.rows;
    expect(rows.map((r) => [r.name, r.rankChange])).toEqual([
      ['甲镇', 2],
      ['乙镇', -1],
      ['丙镇', 0],
      ['丁镇', null],
    ]);
    expect(rankUnits({ definition: direct(), units, values }).groups[0]!.rows.map((r) => r.rankChange)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('ranks the groups apart, each method seeing only its own group', () => {
    const definition = parseRaceDefinition({
      name: '赛马',
      periodKind: 'month',
      indicators: [{ key: 'projectsStarted', weight: 100, method: 'efficacyCoefficient' }],
    });
    const units: RaceUnit[] = [
      { unitId: 1, name: '甲镇', group: 'townships' },
      { unitId: 2, name: '乙镇', group: 'townships' },
      { unitId: 3, name: '丙镇', group: 'townships' },
      { unitId: 4, name: '发改局', group: 'departments' },
      { unitId: 5, name: '住建局', group: 'departments' },
    ];
    const ranking = rankUnits({ definition, units, values: valuesOf('projectsStarted', [2, 22, 12, 1, 0], null) });
    expect(ranking.groups.map((g) => [g.group, g.label['zh-CN'], summary(g.rows)])).toEqual([
      [
        'townships',
        '乡镇街道',
        [
          ['乙镇', 100, 1],
          ['丙镇', 80, 2],
          ['甲镇', 60, 3],
        ],
      ],
      // 1 is the departments' best, though below every township
      [
        'departments',
        '县级部门',
        [
          ['发改局', 100, 1],
          ['住建局', 60, 2],
        ],
      ],
      ['platforms', '平台', []],
    ]);
    expect(ranking.groups[2]).toMatchObject({ rows: [], top: [], bottom: [] });
  });

  describe('names the top (骏马) and bottom (蜗牛)', () => {
    const rank = (totals: number[], topN: number, bottomN: number) => {
      const units = townships(totals.map((_, i) => `单位${String.fromCharCode(65 + i)}`));
      const g = rankUnits({
        definition: direct({ topN, bottomN }),
        units,
        values: valuesOf('fixedAssetInvestment', totals),
      }).groups[0]!;
      return [names(g.top), names(g.bottom)];
    };

    it.each([
      ['N each', [90, 80, 70, 60, 50, 40], 2, 2, ['单位A', '单位B'], ['单位E', '单位F']],
      [
        'everyone tied with the Nth of the top',
        [90, 80, 80, 60, 50, 40],
        2,
        2,
        ['单位A', '单位B', '单位C'],
        ['单位E', '单位F'],
      ],
      [
        'everyone tied with the Nth of the bottom',
        [90, 80, 70, 60, 60, 40],
        2,
        2,
        ['单位A', '单位B'],
        ['单位D', '单位E', '单位F'],
      ],
      ['a tie across the last places', [90, 80, 70, 50, 50, 50], 1, 1, ['单位A'], ['单位D', '单位E', '单位F']],
      ['nobody in a group too small for both lists', [90, 80, 70], 2, 2, [], []],
      ['nobody when everyone is tied', [80, 80, 80], 1, 1, [], []],
      ['a group smaller than N', [90, 80], 3, 3, [], []],
      ['none when N is 0', [90, 80, 70], 0, 0, [], []],
      ['only the top when bottomN is 0', [90, 80, 70], 2, 0, ['单位A', '单位B'], []],
    ])('%s: totals %o, top %i, bottom %i', (_what, totals, topN, bottomN, top, bottom) => {
      expect(rank(totals, topN, bottomN)).toEqual([top, bottom]);
    });
  });

  it.each([
    ['a unit in a group the race does not have', [{ unitId: 1, name: '村', group: 'villages' }]],
    [
      'a unit listed twice',
      [
        { unitId: 1, name: '甲镇', group: 'townships' },
        { unitId: 1, name: '甲镇', group: 'townships' },
      ],
    ],
  ])('refuses %s', (_what, units) => {
    expect(() => rankUnits({ definition: direct(), units, values: new Map() })).toThrow(RangeError);
  });
});
