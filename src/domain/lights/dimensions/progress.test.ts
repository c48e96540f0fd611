import { describe, expect, it } from 'vitest';
import { contextOn, factsWith } from '../fixtures.ts';
import { DEFAULT_RULE_SET } from '../rules.ts';
import { progress } from './progress.ts';

const rules = DEFAULT_RULE_SET.progress;
// A plan of 1 亿元: 1% is 1,000,000 元, 0.01% is 10,000 元.
const PLAN = 100_000_000;
const facts = (cumulativeApprovedYuan: number) =>
  factsWith({ stage: 'construction', annualPlanYuan: PLAN, cumulativeApprovedYuan });
const colourAt = (month: number, cumulative: number) =>
  progress.assess(facts(cumulative), rules, contextOn(`2026-${String(month).padStart(2, '0')}-28`, month))[0]?.colour ??
  'green';

describe('progress (进度) against 序时进度', () => {
  it.each([
    // month 3: 序时进度 25%
    [3, 15_100_000, '9.9 behind', 'green'],
    [3, 15_050_000, '9.95 behind, read as 10.0', 'yellow'],
    [3, 15_000_000, 'exactly 10.0 behind', 'yellow'],
    [3, 30_900_000, '5.9 ahead', 'green'],
    // month 6: 序时进度 50%
    [6, 20_000_000, 'exactly 30.0 behind', 'yellow'],
    [6, 19_960_000, '30.04 behind, read as 30.0', 'yellow'],
    [6, 19_950_000, '30.05 behind, read as 30.1', 'red'],
    [6, 19_900_000, '30.1 behind', 'red'],
    [6, 0, '50 behind', 'red'],
    // month 10: 序时进度 83.33%
    [10, 97_170_000, '13.84 ahead', 'green'],
    [10, 73_340_000, '9.99 behind, read as 10.0', 'yellow'],
  ])('month %i with %i 元 completed (%s) is %s', (month, cumulative, _why, colour) => {
    expect(colourAt(month, cumulative)).toBe(colour);
  });

  it('fills the reason with the numbers: 41.2% completed at month 8 is 25.5 points behind', () => {
    expect(progress.assess(facts(41_200_000), rules, contextOn('2026-09-05', 8))).toEqual([
      {
        dimension: 'progress',
        colour: 'yellow',
        code: 'PROGRESS_BEHIND',
        params: { month: 8, completionPct: 41.2, timePct: 66.7, pointsBehind: 25.5 },
        text: {
          'zh-CN': '完成率 41.2%，落后序时进度 25.5 个百分点',
          en: '41.2% of the annual plan completed, 25.5 points behind the time schedule',
        },
      },
    ]);
  });

  it('reads 序时进度 from the monthly curve when the project has one', () => {
    const curve = [2, 5, 12, 20, 30, 42, 52, 62, 72, 82, 92, 100];
    const withCurve = { ...facts(1_000_000), monthlyCurve: curve };
    const [found] = progress.assess(withCurve, rules, contextOn('2026-04-02', 3));
    expect(found!.params).toMatchObject({ timePct: 12, pointsBehind: 11 });
    expect(found!.colour).toBe('yellow');
  });

  it('uses the configured thresholds', () => {
    const strict = { ...rules, yellowFromPoints: 5, redAbovePoints: 15 };
    expect(progress.assess(facts(15_000_000), strict, contextOn('2026-03-31'))[0]!.colour).toBe('yellow'); // 10 behind
    expect(progress.assess(facts(9_000_000), strict, contextOn('2026-03-31'))[0]!.colour).toBe('red'); // 16 behind
  });

  it.each([
    ['without an annual plan', { annualPlanYuan: null }],
    ['with a plan of 0', { annualPlanYuan: 0 }],
    ['when dropped', { stage: 'dropped' as const }],
  ])('does not apply %s', (_what, patch) => {
    const f = { ...facts(0), ...patch };
    expect(progress.applies(f, contextOn('2026-06-30'))).toBe(false);
    expect(progress.assess(f, rules, contextOn('2026-06-30'))).toEqual([]);
  });

  it('applies to any live stage with a plan, a planning project included', () => {
    expect(progress.applies({ ...facts(0), stage: 'planning' }, contextOn('2026-06-30'))).toBe(true);
  });
});
