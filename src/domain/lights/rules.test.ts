import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, parseRuleSet, RuleSetError } from './rules.ts';

function errorOf(input: unknown): Pick<RuleSetError, 'dimension' | 'field' | 'code'> | null {
  try {
    parseRuleSet(input);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    const { dimension, field, code } = e as RuleSetError;
    return { dimension, field, code };
  }
}

describe('parseRuleSet', () => {
  it('gives the published defaults for an empty set', () => {
    expect(parseRuleSet({})).toEqual(DEFAULT_RULE_SET);
    expect(DEFAULT_RULE_SET).toMatchObject({
      start: { yellowFromMonths: 1, redFromMonths: 3 },
      signToStart: { defaultPromiseDays: 90, yellowFromPercent: 75 },
      progress: { yellowFromPoints: 10, redAbovePoints: 30 },
      report: { lateIsYellow: true, redFromMissingMonths: 2 },
      approvals: { yellowFromDays: 1, redAboveDays: 15 },
      tickets: { redAboveWorkingDays: 5, escalatedIsRed: true },
    });
  });

  it('fills what a stored set leaves out and keeps its version', () => {
    const rules = parseRuleSet({ version: ' 2026-2 ', progress: { redAbovePoints: 25 }, tickets: { enabled: false } });
    expect(rules.version).toBe('2026-2');
    expect(rules.progress).toEqual({ enabled: true, yellowFromPoints: 10, redAbovePoints: 25 });
    expect(rules.tickets).toEqual({ enabled: false, redAboveWorkingDays: 5, escalatedIsRed: true });
    expect(rules.start).toEqual(DEFAULT_RULE_SET.start);
  });

  it('accepts equal yellow and red thresholds (the yellow band is then empty or one value)', () => {
    expect(parseRuleSet({ start: { yellowFromMonths: 3, redFromMonths: 3 } }).start.redFromMonths).toBe(3);
    expect(parseRuleSet({ progress: { yellowFromPoints: 20, redAbovePoints: 20 } }).progress.yellowFromPoints).toBe(20);
  });

  it('does not share the defaults object with the result', () => {
    const rules = parseRuleSet({});
    rules.start.redFromMonths = 9;
    expect(DEFAULT_RULE_SET.start.redFromMonths).toBe(3);
  });

  it.each([
    ['a list', [], null, null, 'NOT_AN_OBJECT'],
    ['null', null, null, null, 'NOT_AN_OBJECT'],
    ['a blank version', { version: ' ' }, null, 'version', 'BAD_VERSION'],
    ['a numeric version', { version: 3 }, null, 'version', 'BAD_VERSION'],
    ['an unknown dimension', { budget: {} }, 'budget', null, 'UNKNOWN_DIMENSION'],
    ['a dimension that is not an object', { start: 3 }, 'start', null, 'NOT_AN_OBJECT'],
    ['an unknown field', { start: { redFromDays: 3 } }, 'start', 'redFromDays', 'UNKNOWN_FIELD'],
    ['yellow above red (progress)', { progress: { yellowFromPoints: 35 } }, 'progress', 'yellowFromPoints', 'INVERTED'],
    [
      'yellow above red (start)',
      { start: { yellowFromMonths: 4, redFromMonths: 3 } },
      'start',
      'yellowFromMonths',
      'INVERTED',
    ],
    ['yellow above red (approvals)', { approvals: { yellowFromDays: 16 } }, 'approvals', 'yellowFromDays', 'INVERTED'],
    [
      'yellow above red (report)',
      { report: { yellowFromMissingMonths: 3 } },
      'report',
      'yellowFromMissingMonths',
      'INVERTED',
    ],
    ['a negative threshold', { approvals: { redAboveDays: -1 } }, 'approvals', 'redAboveDays', 'NEGATIVE'],
    ['negative points', { progress: { yellowFromPoints: -5 } }, 'progress', 'yellowFromPoints', 'NEGATIVE'],
    ['a string number', { progress: { redAbovePoints: '30' } }, 'progress', 'redAbovePoints', 'NOT_A_NUMBER'],
    ['infinity', { progress: { redAbovePoints: Infinity } }, 'progress', 'redAbovePoints', 'NOT_A_NUMBER'],
    ['fractional months', { start: { redFromMonths: 2.5 } }, 'start', 'redFromMonths', 'NOT_AN_INTEGER'],
    ['points above 100', { progress: { redAbovePoints: 120 } }, 'progress', 'redAbovePoints', 'OUT_OF_RANGE'],
    [
      'a share above 100%',
      { signToStart: { yellowFromPercent: 110 } },
      'signToStart',
      'yellowFromPercent',
      'OUT_OF_RANGE',
    ],
    [
      'a promise of 0 days',
      { signToStart: { defaultPromiseDays: 0 } },
      'signToStart',
      'defaultPromiseDays',
      'OUT_OF_RANGE',
    ],
    [
      '0 missing months',
      { report: { yellowFromMissingMonths: 0 } },
      'report',
      'yellowFromMissingMonths',
      'OUT_OF_RANGE',
    ],
    ['"yes" for a switch', { report: { lateIsYellow: 'yes' } }, 'report', 'lateIsYellow', 'NOT_A_BOOLEAN'],
    ['1e308 days', { approvals: { redAboveDays: 1e308 } }, 'approvals', 'redAboveDays', 'OUT_OF_RANGE'],
    ['a million days', { approvals: { redAboveDays: 1_000_000 } }, 'approvals', 'redAboveDays', 'OUT_OF_RANGE'],
    ['121 months', { start: { redFromMonths: 121 } }, 'start', 'redFromMonths', 'OUT_OF_RANGE'],
    [
      'a 3651-day promise',
      { signToStart: { defaultPromiseDays: 3651 } },
      'signToStart',
      'defaultPromiseDays',
      'OUT_OF_RANGE',
    ],
    ['751 working days', { tickets: { redAboveWorkingDays: 751 } }, 'tickets', 'redAboveWorkingDays', 'OUT_OF_RANGE'],
  ] as [string, unknown, string | null, string | null, string][])(
    'refuses %s',
    (_what, input, dimension, field, code) => {
      expect(errorOf(input)).toEqual({ dimension, field, code });
    },
  );

  it('names the place in its message', () => {
    expect(() => parseRuleSet({ progress: { yellowFromPoints: 35 } })).toThrow(
      'invalid rule set: INVERTED at progress.yellowFromPoints',
    );
  });
});
