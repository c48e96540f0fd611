import { describe, expect, it } from 'vitest';
import { draftCommentary } from './bulletin-draft.ts';
import { parseRaceDefinition } from './race-definition.ts';
import { isGroupTooSmall, rankUnits, type IndicatorValue, type RaceUnit } from './ranking.ts';

/**
 * The 骏马 and 蜗牛 of one group with the county's usual 3 + 3, worked by hand. One indicator scored by
 * ratio to a target of 100 with weight 100, so each unit's value is its total; units are 单位A, 单位B, …
 * in the order of the totals given.
 */
const definition = parseRaceDefinition({
  name: '赛马',
  periodKind: 'month',
  indicators: [{ key: 'fixedAssetInvestment', weight: 100, method: 'ratioToTarget', params: { cap: 2 } }],
  topN: 3,
  bottomN: 3,
});

const groupOf = (totals: number[]) => {
  const units: RaceUnit[] = totals.map((_, i) => ({
    unitId: i + 1,
    name: `单位${String.fromCharCode(65 + i)}`,
    group: 'townships',
  }));
  const values = new Map([
    [
      'fixedAssetInvestment' as const,
      new Map<number, IndicatorValue>(totals.map((value, i) => [i + 1, { value, target: 100 }])),
    ],
  ]);
  return rankUnits({ definition, units, values }).groups[0]!;
};
const letters = (rows: { name: string }[]) => rows.map((r) => r.name.slice(2)).join('');

describe('the lists of a group with topN = bottomN = 3', () => {
  it.each([
    // size, totals, too small, 骏马, 蜗牛
    [1, [90], true, '', ''],
    [3, [90, 80, 70], true, '', ''],
    [5, [90, 80, 70, 60, 50], true, '', ''],
    [6, [90, 80, 70, 60, 50, 40], false, 'ABC', 'DEF'],
    [7, [90, 80, 70, 60, 50, 40, 30], false, 'ABC', 'EFG'],
    // A tie at one edge: all tied units are named.
    [7, [90, 80, 70, 70, 50, 40, 30], false, 'ABCD', 'EFG'],
    [7, [90, 80, 70, 60, 40, 40, 40], false, 'ABC', 'EFG'],
    [7, [90, 80, 70, 60, 50, 40, 40], false, 'ABC', 'EFG'],
    [7, [90, 80, 70, 50, 50, 40, 30], false, 'ABC', 'DEFG'],
    // A tie across both edges: its units are in neither list.
    [6, [90, 80, 70, 70, 60, 50], false, 'AB', 'EF'],
    [7, [90, 80, 70, 70, 70, 40, 30], false, 'AB', 'FG'],
    [7, [90, 90, 90, 90, 90, 90, 30], false, '', 'G'],
    [6, [0, 0, 0, 0, 0, 0], false, '', ''],
  ])('%i units %o: too small %s, 骏马 %s, 蜗牛 %s', (size, totals, tooSmall, top, bottom) => {
    const g = groupOf(totals);
    expect(g.rows).toHaveLength(size);
    expect([g.tooSmall, letters(g.top), letters(g.bottom)]).toEqual([tooSmall, top, bottom]);
    const inTop = new Set(g.top.map((r) => r.unitId));
    expect(g.bottom.filter((r) => inTop.has(r.unitId))).toEqual([]);
  });

  it.each([
    [0, 3, 3, false],
    [1, 3, 3, true],
    [5, 3, 3, true],
    [6, 3, 3, false],
    [2, 3, 0, true],
    [3, 3, 0, false],
    [1, 0, 0, false],
  ])('isGroupTooSmall(%i units, %i + %i) is %s', (size, topN, bottomN, expected) => {
    expect(isGroupTooSmall(size, { topN, bottomN })).toBe(expected);
  });

  it('makes the draft say a small group names no 骏马 or 蜗牛, instead of naming all of them 骏马', () => {
    const units: RaceUnit[] = [
      { unitId: 1, name: '发改局', group: 'departments' },
      { unitId: 2, name: '住建局', group: 'departments' },
      { unitId: 3, name: '经信局', group: 'departments' },
    ];
    const values = new Map([
      [
        'fixedAssetInvestment' as const,
        new Map<number, IndicatorValue>([1, 2, 3].map((id) => [id, { value: 100 - id * 10, target: 100 }])),
      ],
    ]);
    const ranking = rankUnits({ definition, units, values });
    const text = draftCommentary({
      regionName: '兰溪市',
      periodLabel: '2026年10月',
      ranking,
      totals: { planYuan: 0, completedYuan: 0, completionPct: 0, timePct: 0 },
      redProjects: [],
    });
    expect(text).toContain('（二）县级部门（共 3 个单位参评）：本组参评单位较少，不通报“骏马”“蜗牛”。');
    expect(text).not.toContain('“骏马”单位为');
    expect(text).toContain('（一）乡镇街道：本期无参评单位。');
  });
});
