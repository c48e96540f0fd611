import { describe, expect, it } from 'vitest';
import type { Stage } from '../../projects/lifecycle.ts';
import { contextOn, factsWith } from '../fixtures.ts';
import { DEFAULT_RULE_SET } from '../rules.ts';
import { start } from './start.ts';

const rules = DEFAULT_RULE_SET.start;
const facts = factsWith({ stage: 'preparing', plannedStartDate: '2026-08-15' });

describe('start (开工)', () => {
  it.each([
    ['2026-08-14', null, null],
    ['2026-08-31', null, null], // the planned month has not ended
    ['2026-09-01', 'yellow', 1],
    ['2026-10-31', 'yellow', 2],
    ['2026-11-01', 'red', 3],
    ['2027-02-10', 'red', 6],
  ] as const)('planned 2026-08-15, not started, on %s: %s', (today, colour, months) => {
    const found = start.assess(facts, rules, contextOn(today));
    if (colour === null) return expect(found).toEqual([]);
    expect(found).toEqual([
      {
        dimension: 'start',
        colour,
        code: 'START_OVERDUE',
        params: { months, plannedStart: '2026-08-15' },
        text: {
          'zh-CN': `计划开工已逾期 ${months} 个月`,
          en: `Planned start overdue by ${months} ${months === 1 ? 'month' : 'months'}`,
        },
      },
    ]);
  });

  it('counts months across the new year', () => {
    const december = factsWith({ stage: 'reserve', plannedStartDate: '2026-12-20' });
    expect(start.assess(december, rules, contextOn('2027-01-01'))[0]!.params.months).toBe(1);
    expect(start.assess(december, rules, contextOn('2027-03-01'))[0]!.colour).toBe('red');
  });

  it('uses the configured thresholds', () => {
    const strict = { ...rules, yellowFromMonths: 1, redFromMonths: 1 };
    expect(start.assess(facts, strict, contextOn('2026-09-01'))[0]!.colour).toBe('red');
  });

  it('is green once started', () => {
    const started = { ...facts, actualStartDate: '2026-10-01' };
    expect(start.applies(started, contextOn('2026-12-01'))).toBe(true);
    expect(start.assess(started, rules, contextOn('2026-12-01'))).toEqual([]);
  });

  it.each([
    ['reserve', true],
    ['preparing', true],
    ['planning', false],
    ['construction', false],
    ['suspended', false],
    ['dropped', false],
  ] as [Stage, boolean][])('applies to a %s project with a planned start: %s', (stage, applies) => {
    expect(start.applies({ ...facts, stage }, contextOn('2026-12-01'))).toBe(applies);
    if (!applies) expect(start.assess({ ...facts, stage }, rules, contextOn('2026-12-01'))).toEqual([]);
  });

  it('does not apply without a planned start', () => {
    expect(start.applies(factsWith({ stage: 'preparing' }), contextOn('2026-12-01'))).toBe(false);
  });
});
