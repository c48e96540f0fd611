import { describe, expect, it } from 'vitest';
import { contextOn, factsWith } from '../fixtures.ts';
import { DEFAULT_RULE_SET } from '../rules.ts';
import type { ReportState, ReportStatus } from '../types.ts';
import { report } from './report.ts';

const rules = DEFAULT_RULE_SET.report;
const filed = (month: number, state: ReportState = 'approved', late = false): ReportStatus => ({ month, state, late });
const missing = (month: number): ReportStatus => ({ month, state: 'missing', late: true });
const facts = (reports: ReportStatus[]) => factsWith({ stage: 'construction', reports });
// Assessing October on 2026-11-06, after the review deadline.
const october = contextOn('2026-11-06', 10);

describe('report (月报)', () => {
  it.each([
    ['all filed on time', [filed(8), filed(9), filed(10)], []],
    ["October's report submitted, not yet approved", [filed(9), filed(10, 'submitted')], []],
    ["October's report late", [filed(9), filed(10, 'approved', true)], [['yellow', 'REPORT_LATE']]],
    ["October's report a late draft", [filed(9), filed(10, 'draft', true)], [['yellow', 'REPORT_LATE']]],
    ["October's report missing", [filed(9), missing(10)], [['yellow', 'REPORT_MISSING']]],
    ['September and October missing', [filed(8), missing(9), missing(10)], [['red', 'REPORT_MISSING']]],
    ['three months missing', [missing(8), missing(9), missing(10)], [['red', 'REPORT_MISSING']]],
    ['a past run of two, since filed', [missing(7), missing(8), filed(9), filed(10)], []],
    ['September missing, October filed late', [missing(9), filed(10, 'approved', true)], [['yellow', 'REPORT_LATE']]],
    ['no report owed for October', [missing(9)], []],
    // Assessing October on 2 November, before its deadline: the run counts back from September.
    [
      'October not yet due, August and September missing',
      [missing(8), missing(9), filed(10, 'pending')],
      [['red', 'REPORT_MISSING']],
    ],
    [
      'October not yet due, only a draft, September missing',
      [filed(9 - 1), missing(9), filed(10, 'draft')],
      [['yellow', 'REPORT_MISSING']],
    ],
    ['October not yet due, September filed', [filed(9), filed(10, 'pending')], []],
  ] as [string, ReportStatus[], [string, string][]][])('%s', (_what, reports, expected) => {
    expect(report.assess(facts(reports), rules, october).map((f) => [f.colour, f.code])).toEqual(expected);
  });

  it('fills the reasons with the months', () => {
    expect(report.assess(facts([missing(9), missing(10)]), rules, october)[0]).toEqual({
      dimension: 'report',
      colour: 'red',
      code: 'REPORT_MISSING',
      params: { months: 2, fromMonth: 9, toMonth: 10 },
      text: {
        'zh-CN': '已连续 2 个月未报送月报（9—10 月）',
        en: 'Reports missing for 2 consecutive months (months 9–10)',
      },
    });
    expect(report.assess(facts([missing(10)]), rules, october)[0]!.text).toEqual({
      'zh-CN': '10 月月报未报送',
      en: 'The report for month 10 is missing',
    });
    expect(report.assess(facts([filed(10, 'returned', true)]), rules, october)[0]!.text).toEqual({
      'zh-CN': '10 月月报未按时报送',
      en: 'The report for month 10 was not filed on time',
    });
  });

  it('does not reach into the previous year: January missing alone is yellow', () => {
    expect(report.assess(facts([missing(1)]), rules, contextOn('2026-02-06', 1)).map((f) => f.colour)).toEqual([
      'yellow',
    ]);
  });

  it('ignores months after the assessed one', () => {
    expect(report.assess(facts([filed(9), filed(10), missing(11)]), rules, october)).toEqual([]);
  });

  it('uses the configured thresholds', () => {
    const lenient = { ...rules, lateIsYellow: false, yellowFromMissingMonths: 2, redFromMissingMonths: 3 };
    expect(report.assess(facts([filed(10, 'approved', true)]), lenient, october)).toEqual([]);
    expect(report.assess(facts([missing(10)]), lenient, october)).toEqual([]);
    expect(report.assess(facts([missing(9), missing(10)]), lenient, october).map((f) => f.colour)).toEqual(['yellow']);
  });

  it.each([
    ['a 前期 project', { stage: 'preparing' as const }, true],
    ['a 在建 project', { stage: 'construction' as const }, true],
    ['a 投产 project with an annual plan', { stage: 'production' as const, annualPlanYuan: 5_000_000 }, true],
    ['a 谋划 project without a plan', { stage: 'planning' as const }, false],
    ['a 投产 project without a plan', { stage: 'production' as const }, false],
    ['a dropped project with a plan', { stage: 'dropped' as const, annualPlanYuan: 5_000_000 }, false],
  ])('applies to %s: %s', (_what, patch, applies) => {
    expect(report.applies(factsWith(patch), october)).toBe(applies);
  });
});
