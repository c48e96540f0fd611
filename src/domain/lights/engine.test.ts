import { describe, expect, it } from 'vitest';
import { DIMENSIONS, evaluateProject, isExemptionValid, summariseUnit, worse } from './engine.ts';
import { contextOn, factsWith } from './fixtures.ts';
import { DEFAULT_RULE_SET, parseRuleSet } from './rules.ts';
import { DIMENSION_KEYS, type Colour, type Exemption, type ProjectFacts } from './types.ts';

const rules = DEFAULT_RULE_SET;
// Assessing August on 2026-09-01.
const ctx = contextOn('2026-09-01', 8);
const PLAN = 100_000_000;

/** A 前期 project: planned start 2026-08-10 (1 month late on 2026-09-01), 41.2% done at month 8 (25.5 behind). */
const late: ProjectFacts = factsWith({
  stage: 'preparing',
  plannedStartDate: '2026-08-10',
  annualPlanYuan: PLAN,
  cumulativeApprovedYuan: 41_200_000,
  reports: [
    { month: 7, state: 'approved', late: false },
    { month: 8, state: 'approved', late: false },
  ],
});
const exemption = (patch: Partial<Exemption> = {}): Exemption => ({
  dimension: 'progress',
  until: '2026-09-30',
  reason: '汛期停工',
  approver: '县发改局 王局长',
  ...patch,
});

describe('evaluateProject', () => {
  it('registers one strategy per dimension', () => {
    expect(Object.keys(DIMENSIONS)).toEqual([...DIMENSION_KEYS]);
  });

  it('is grey for a 谋划 project nothing applies to', () => {
    expect(evaluateProject(factsWith(), rules, ctx)).toEqual({
      colour: 'grey',
      findings: [],
      exempted: [],
      assessed: [],
      ruleSetVersion: 'default',
    });
  });

  it('is green when dimensions apply and none fires', () => {
    const onTrack = { ...late, plannedStartDate: '2026-12-01', cumulativeApprovedYuan: 70_000_000 };
    const light = evaluateProject(onTrack, rules, ctx);
    expect(light).toMatchObject({ colour: 'green', findings: [], assessed: ['start', 'progress', 'report'] });
  });

  it('is the worst of its findings, each with its reason', () => {
    const light = evaluateProject(late, rules, ctx);
    expect(light.colour).toBe('yellow');
    expect(light.findings.map((f) => f.text['zh-CN'])).toEqual([
      '计划开工已逾期 1 个月',
      '完成率 41.2%，落后序时进度 25.5 个百分点',
    ]);
    expect(light.findings.map((f) => f.text.en)).toEqual([
      'Planned start overdue by 1 month',
      '41.2% of the annual plan completed, 25.5 points behind the time schedule',
    ]);
  });

  it('goes red when any dimension is red, and lists red first', () => {
    const missing = {
      ...late,
      reports: [
        { month: 7, state: 'missing' as const, late: true },
        { month: 8, state: 'missing' as const, late: true },
      ],
    };
    const light = evaluateProject(missing, rules, ctx);
    expect(light.colour).toBe('red');
    expect(light.findings.map((f) => [f.dimension, f.colour])).toEqual([
      ['report', 'red'],
      ['start', 'yellow'],
      ['progress', 'yellow'],
    ]);
  });

  it.each([
    ['valid until a later day', exemption(), 'yellow', ['start'], ['progress']],
    ['valid through today', exemption({ until: '2026-09-01' }), 'yellow', ['start'], ['progress']],
    ['expired yesterday', exemption({ until: '2026-08-31' }), 'yellow', ['start', 'progress'], []],
    ['without an approver', exemption({ approver: ' ' }), 'yellow', ['start', 'progress'], []],
    ['without a reason', exemption({ reason: '' }), 'yellow', ['start', 'progress'], []],
    ['for another dimension', exemption({ dimension: 'tickets' }), 'yellow', ['start', 'progress'], []],
  ] as [string, Exemption, Colour, string[], string[]][])('an exemption %s', (_what, e, colour, findings, exempted) => {
    const light = evaluateProject({ ...late, exemptions: [e] }, rules, ctx);
    expect(light.colour).toBe(colour);
    expect(light.findings.map((f) => f.dimension)).toEqual(findings);
    expect(light.exempted.map((f) => f.dimension)).toEqual(exempted);
  });

  it('is green, with the findings still visible, when every finding is exempted', () => {
    const light = evaluateProject(
      { ...late, exemptions: [exemption(), exemption({ dimension: 'start' })] },
      rules,
      ctx,
    );
    expect(light.colour).toBe('green');
    expect(light.findings).toEqual([]);
    expect(light.exempted.map((f) => f.code)).toEqual(['START_OVERDUE', 'PROGRESS_BEHIND']);
  });

  it('skips disabled dimensions and records the rule-set version', () => {
    const custom = parseRuleSet({ version: '2026-2', start: { enabled: false }, progress: { redAbovePoints: 20 } });
    const light = evaluateProject(late, custom, ctx);
    expect(light).toMatchObject({ colour: 'red', assessed: ['progress', 'report'], ruleSetVersion: '2026-2' });
    expect(light.findings.map((f) => [f.dimension, f.colour])).toEqual([['progress', 'red']]);
  });

  it('brings in approvals and tickets only when there is data', () => {
    const withData = {
      ...late,
      plannedStartDate: '2026-12-01',
      cumulativeApprovedYuan: 70_000_000,
      approvals: [{ name: '施工许可', plannedDate: '2026-08-10', actualDate: null }],
      tickets: [{ deadline: '2026-08-20', closedAt: null, escalated: false, overdueWorkingDays: 8 }],
    };
    const light = evaluateProject(withData, rules, ctx);
    expect(light.assessed).toEqual(['start', 'progress', 'report', 'approvals', 'tickets']);
    expect(light.colour).toBe('red');
    expect(light.findings.map((f) => [f.dimension, f.colour, f.params.days ?? f.params.workingDays])).toEqual([
      ['approvals', 'red', 22],
      ['tickets', 'red', 8],
    ]);
  });

  it('is grey for a dropped project whatever it carries', () => {
    expect(evaluateProject({ ...late, stage: 'dropped' }, rules, ctx).colour).toBe('grey');
  });
});

describe('colours', () => {
  it.each([
    ['grey', 'green', 'green'],
    ['green', 'yellow', 'yellow'],
    ['red', 'yellow', 'red'],
    ['yellow', 'grey', 'yellow'],
  ] as [Colour, Colour, Colour][])('worse(%s, %s) is %s', (a, b, w) => {
    expect(worse(a, b)).toBe(w);
  });

  it('summarises a unit by counting its projects', () => {
    expect(summariseUnit(['green', 'red', 'green', 'grey', 'yellow', 'green'])).toEqual({
      green: 3,
      yellow: 1,
      red: 1,
      grey: 1,
    });
    expect(summariseUnit([])).toEqual({ green: 0, yellow: 0, red: 0, grey: 0 });
  });

  it('holds an exemption through its last day only', () => {
    expect(isExemptionValid(exemption({ until: '2026-09-01' }), '2026-09-01')).toBe(true);
    expect(isExemptionValid(exemption({ until: '2026-09-01' }), '2026-09-02')).toBe(false);
  });
});
