import { describe, expect, it } from 'vitest';
import { contextOn, factsWith } from '../fixtures.ts';
import { DEFAULT_RULE_SET } from '../rules.ts';
import { signToStart } from './sign-to-start.ts';

const rules = DEFAULT_RULE_SET.signToStart;
// Signed on 2026-01-01: day 67 is 2026-03-09, day 90 is 2026-04-01.
const facts = factsWith({ stage: 'preparing', signedDate: '2026-01-01' });

describe('sign→start (签约→开工), default promise of 90 days', () => {
  it.each([
    ['2026-01-01', 0, null],
    ['2026-03-09', 67, null], // 67 < 67.5
    ['2026-03-10', 68, 'yellow'], // 68 ≥ 75% of 90
    ['2026-04-01', 90, 'yellow'], // the last promised day
    ['2026-04-02', 91, 'red'], // promise exceeded by 1 day
    ['2026-06-01', 151, 'red'],
  ] as const)('on %s (day %i): %s', (today, day, colour) => {
    const found = signToStart.assess(facts, rules, contextOn(today));
    expect(found.map((f) => f.colour)).toEqual(colour ? [colour] : []);
    if (colour) expect(found[0]!.params.elapsedDays).toBe(day);
  });

  it('says how far along the promise is, in both languages', () => {
    expect(signToStart.assess(facts, rules, contextOn('2026-03-10'))[0]).toEqual({
      dimension: 'signToStart',
      colour: 'yellow',
      code: 'SIGN_TO_START_NEAR',
      params: { signedDate: '2026-01-01', elapsedDays: 68, promiseDays: 90, daysLeft: 22 },
      text: {
        'zh-CN': '签约已 68 天仍未开工（承诺 90 天内开工）',
        en: 'Signed 68 days ago and not started (start promised within 90)',
      },
    });
    expect(signToStart.assess(facts, rules, contextOn('2026-04-02'))[0]).toEqual({
      dimension: 'signToStart',
      colour: 'red',
      code: 'SIGN_TO_START_EXCEEDED',
      params: { signedDate: '2026-01-01', elapsedDays: 91, promiseDays: 90, overdueDays: 1 },
      text: {
        'zh-CN': '签约已 91 天仍未开工，超过承诺开工期限（90 天）1 天',
        en: 'Signed 91 days ago and not started: 1 day past the promised 90',
      },
    });
  });

  it.each([
    ['2026-01-23', 22, null], // 75% of 30 = 22.5
    ['2026-01-24', 23, 'yellow'],
    ['2026-01-31', 30, 'yellow'],
    ['2026-02-01', 31, 'red'],
  ] as const)("uses the project's own promise of 30 days: %s (day %i) is %s", (today, _day, colour) => {
    const found = signToStart.assess({ ...facts, promisedStartDays: 30 }, rules, contextOn(today));
    expect(found.map((f) => f.colour)).toEqual(colour ? [colour] : []);
  });

  it('uses the configured default promise and share', () => {
    const found = signToStart.assess(
      facts,
      { ...rules, defaultPromiseDays: 60, yellowFromPercent: 50 },
      contextOn('2026-01-31'),
    );
    expect(found.map((f) => [f.colour, f.params.promiseDays])).toEqual([['yellow', 60]]);
  });

  it('does not apply once started, without a signing, or in construction', () => {
    const ctx = contextOn('2026-06-01');
    expect(signToStart.applies({ ...facts, actualStartDate: '2026-05-01' }, ctx)).toBe(false);
    expect(signToStart.applies({ ...facts, signedDate: null }, ctx)).toBe(false);
    expect(signToStart.applies({ ...facts, stage: 'construction' }, ctx)).toBe(false);
    expect(signToStart.assess({ ...facts, stage: 'construction' }, rules, ctx)).toEqual([]);
    expect(signToStart.applies({ ...facts, stage: 'planning' }, ctx)).toBe(true);
  });
});
