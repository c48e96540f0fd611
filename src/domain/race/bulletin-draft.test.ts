import { describe, expect, it } from 'vitest';
import { draftCommentary, type CommentaryInput, type RedProjectLine } from './bulletin-draft.ts';
import { parseRaceDefinition } from './race-definition.ts';
import { rankUnits, type RaceUnit } from './ranking.ts';

const definition = parseRaceDefinition({
  name: '2026年项目建设赛马',
  periodKind: 'month',
  indicators: [{ key: 'fixedAssetInvestment', weight: 100, method: 'ratioToTarget' }],
  topN: 2,
  bottomN: 1,
});
const units: RaceUnit[] = [
  { unitId: 1, name: '兰江街道', group: 'townships' },
  { unitId: 2, name: '云山街道', group: 'townships' },
  { unitId: 3, name: '柏社乡', group: 'townships' },
  { unitId: 4, name: '女埠街道', group: 'townships' },
  { unitId: 5, name: '发改局', group: 'departments' },
  { unitId: 6, name: '住建局', group: 'departments' },
];
const values = new Map([
  [
    'fixedAssetInvestment' as const,
    new Map([1, 2, 3, 4, 5, 6].map((id) => [id, { value: [0, 98.5, 96.2, 61, 80, 90, 70][id]!, target: 100 }])),
  ],
]);
const ranking = rankUnits({ definition, units, values });

const red = (n: number): RedProjectLine[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `项目${i + 1}`,
    unitName: ['兰江街道', '柏社乡', '住建局'][i % 3]!,
    reasons: [`原因${i + 1}`, '次要原因'],
  }));

const input = (patch: Partial<CommentaryInput> = {}): CommentaryInput => ({
  regionName: '兰溪市',
  periodLabel: '2026年10月',
  ranking,
  totals: { planYuan: 1_200_000_000, completedYuan: 1_020_000_000, completionPct: 85, timePct: (10 * 100) / 12 },
  redProjects: red(2),
  ...patch,
});

describe('draftCommentary', () => {
  it('has the four sections, in order, each heading on its own line', () => {
    const lines = draftCommentary(input()).split('\n');
    const headings = ['一、总体情况', '二、各单位排名', '三、存在问题', '四、下步要求'].map((h) => lines.indexOf(h));
    expect(headings.every((i) => i >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    expect(lines[0]).toBe('一、总体情况');
  });

  it('states the plan, the completed investment, the completion rate and the time progress', () => {
    const text = draftCommentary(input());
    expect(text).toContain('年度计划投资 12.00 亿元');
    expect(text).toContain('累计完成投资 10.20 亿元');
    expect(text).toContain('完成率 85.0%');
    expect(text).toContain('序时进度 83.3%');
    expect(text).toContain('超序时进度 1.7 个百分点');
    expect(text).toContain('截至2026年10月，兰溪市');
  });

  it.each([
    ['behind', 70.04, 75, '落后序时进度 5.0 个百分点'],
    ['level', 75.02, 74.98, '与序时进度持平'],
    // The exact 5.22 rounded once — not 30.3 − 25.0 = 5.3 from the rounded figures printed beside it
    ['ahead, by the exact figures', 30.26, 25.04, '超序时进度 5.2 个百分点'],
    // The reported bulletin: 45.7756% against 83.3333…% is 37.558 behind → 37.6 (not 45.8 − 83.3 = 37.5)
    ['behind, rounded once', 45.7756, 250 / 3, '落后序时进度 37.6 个百分点'],
  ])('says when the county is %s', (_what, completionPct, timePct, phrase) => {
    expect(
      draftCommentary(
        input({ totals: { planYuan: 1_200_000_000, completedYuan: 900_000_000, completionPct, timePct } }),
      ),
    ).toContain(phrase);
  });

  it('writes amounts below 1 亿元 in 万元', () => {
    const text = draftCommentary(
      input({ totals: { planYuan: 50_000_000, completedYuan: 8_600_000, completionPct: 17.2, timePct: 25 } }),
    );
    expect(text).toContain('年度计划投资 5,000.00 万元');
    expect(text).toContain('累计完成投资 860.00 万元');
  });

  it('names each group’s 骏马 and 蜗牛 with their totals', () => {
    const text = draftCommentary(input());
    expect(text).toContain(
      '（一）乡镇街道（共 4 个单位参评）：综合得分排名靠前的“骏马”单位为兰江街道（98.50分）、云山街道（96.20分）；排名靠后的“蜗牛”单位为柏社乡（61.00分）。',
    );
    // Two departments cannot fill two 骏马 and one 蜗牛: neither list is named (not both units as 骏马).
    expect(text).toContain('（二）县级部门（共 2 个单位参评）：本组参评单位较少，不通报“骏马”“蜗牛”。');
    expect(text).toContain('（三）平台：本期无参评单位。');
    expect(text).not.toContain('女埠街道（');
  });

  it('counts the red projects and names the first few with their first reason', () => {
    const text = draftCommentary(input({ redProjects: red(7) }));
    expect(text).toContain('共有红灯项目 7 个，涉及 3 个单位');
    expect(text).toContain('1. 项目1（兰江街道）：原因1。');
    expect(text).toContain('5. 项目5（柏社乡）：原因5。');
    expect(text).not.toContain('项目6（');
    expect(text).not.toContain('次要原因');
    expect(text).toContain('其余 2 个红灯项目详见红灯项目清单。');
  });

  it('says so when there is no red project', () => {
    const text = draftCommentary(input({ redProjects: [] }));
    expect(text).toContain('截至2026年10月，兰溪市无红灯项目。');
    expect(text).not.toContain('共有红灯项目');
  });

  it('ends with numbered requirements', () => {
    const requirements = draftCommentary(input()).split('四、下步要求\n')[1]!;
    expect(requirements.split('\n\n').map((p) => p.slice(0, 3))).toEqual(['（一）', '（二）', '（三）']);
  });

  it('sets every paragraph off by a blank line, as the bulletin renderers split them', () => {
    const text = draftCommentary(input({ redProjects: red(2) }));
    expect(text).toContain('1. 项目1（兰江街道）：原因1。\n\n2. 项目2（柏社乡）：原因2。');
    expect(text).toContain('96.20分）；排名靠后的“蜗牛”单位为柏社乡（61.00分）。\n\n（二）县级部门');
  });
});
