import { describe, expect, it } from 'vitest';
import { contextOn, factsWith } from '../fixtures.ts';
import { DEFAULT_RULE_SET } from '../rules.ts';
import { approvals } from './approvals.ts';

const rules = DEFAULT_RULE_SET.approvals;
const facts = factsWith({
  stage: 'preparing',
  approvals: [{ name: '环评批复', plannedDate: '2026-09-01', actualDate: null }],
});

describe('approvals (审批)', () => {
  it.each([
    ['2026-08-31', null, -1],
    ['2026-09-01', null, 0], // due today
    ['2026-09-02', 'yellow', 1],
    ['2026-09-16', 'yellow', 15],
    ['2026-09-17', 'red', 16],
  ] as const)('an open item planned 2026-09-01, on %s: %s', (today, colour, days) => {
    const found = approvals.assess(facts, rules, contextOn(today));
    expect(found.map((f) => [f.colour, f.params.days])).toEqual(colour ? [[colour, days]] : []);
  });

  it('names the item and the days in both languages', () => {
    expect(approvals.assess(facts, rules, contextOn('2026-09-04'))[0]).toEqual({
      dimension: 'approvals',
      colour: 'yellow',
      code: 'APPROVAL_OVERDUE',
      params: { name: '环评批复', plannedDate: '2026-09-01', days: 3 },
      text: { 'zh-CN': '「环评批复」超过计划办结日期 3 天', en: '“环评批复” is 3 days past its planned date' },
    });
  });

  it('reports each overdue item and skips the done ones', () => {
    const many = factsWith({
      stage: 'preparing',
      approvals: [
        { name: '用地预审', plannedDate: '2026-08-01', actualDate: null },
        { name: '立项备案', plannedDate: '2026-08-01', actualDate: '2026-09-10' }, // done late: history
        { name: '施工许可', plannedDate: '2026-09-10', actualDate: null },
      ],
    });
    expect(approvals.assess(many, rules, contextOn('2026-09-11')).map((f) => [f.params.name, f.colour])).toEqual([
      ['用地预审', 'red'],
      ['施工许可', 'yellow'],
    ]);
  });

  it('has nothing to say without approval items', () => {
    const none = factsWith({ stage: 'preparing' });
    expect(approvals.applies(none, contextOn('2026-09-11'))).toBe(false);
    expect(approvals.assess(none, rules, contextOn('2026-09-11'))).toEqual([]);
  });
});
