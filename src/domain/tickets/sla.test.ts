import { describe, expect, it } from 'vitest';
import {
  COMPLEXITIES,
  COMPLEXITY_LABELS,
  DEFAULT_SLA_PROFILE_KEY,
  parseSlaProfile,
  SHIPPED_SLA_PROFILES,
  SlaProfileError,
  type SlaProfile,
} from './sla.ts';

const standard = SHIPPED_SLA_PROFILES.standard;

/** A copy of the standard profile with one field replaced, by dotted path. */
function withField(path: string, value: unknown): unknown {
  const copy = structuredClone(standard) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
  return copy;
}

function errorOf(input: unknown): { code: string; field: string | null } {
  try {
    parseSlaProfile(input);
  } catch (e) {
    if (e instanceof SlaProfileError) return { code: e.code, field: e.field };
    throw e;
  }
  throw new Error('expected an SlaProfileError');
}

describe('shipped SLA profiles', () => {
  it.each(Object.entries(SHIPPED_SLA_PROFILES))('%s is valid and filed under its own key', (key, profile) => {
    expect(parseSlaProfile(profile)).toEqual(profile);
    expect(profile.key).toBe(key);
  });

  it('defaults to "333", 3 working days each to accept, close whatever the complexity, and revisit', () => {
    const p = SHIPPED_SLA_PROFILES[DEFAULT_SLA_PROFILE_KEY];
    const three = { amount: 3, unit: 'workingDays' };
    expect(p.toConfirm).toBe(true); // 待本县确认
    expect([p.accept, p.close.simple, p.close.general, p.close.complex, p.revisit]).toEqual(Array(5).fill(three));
  });

  it('ships the rapid profile: respond within 1 working hour, interim 3, close 5 working days', () => {
    const p = SHIPPED_SLA_PROFILES.rapid;
    expect(p.accept).toEqual({ amount: 1, unit: 'workingHours' });
    expect(p.interim).toEqual({ amount: 3, unit: 'workingDays' });
    expect(p.close.complex).toEqual({ amount: 5, unit: 'workingDays' });
  });

  it('ships the standard profile: respond within 1 working day, close 10, complex 25', () => {
    expect(standard.accept).toEqual({ amount: 1, unit: 'workingDays' });
    expect([standard.close.simple.amount, standard.close.general.amount, standard.close.complex.amount]).toEqual([
      10, 10, 25,
    ]);
  });

  it('lets one extension be asked, approved by a coordinator', () => {
    for (const p of Object.values(SHIPPED_SLA_PROFILES))
      expect(p.extension).toEqual({ allowed: true, maxTimes: 1, approverRole: 'coordinator' });
  });

  it('labels the complexities', () => {
    expect(COMPLEXITIES.map((c) => COMPLEXITY_LABELS[c]['zh-CN'])).toEqual(['简单', '一般', '复杂']);
  });
});

describe('parseSlaProfile', () => {
  it.each<[string, unknown, (p: SlaProfile) => unknown, unknown]>([
    ['a county profile with its own key', withField('key', 'county-2026'), (p) => p.key, 'county-2026'],
    ['a name, trimmed', withField('name.zh-CN', '  本县时限 '), (p) => p.name['zh-CN'], '本县时限'],
    ['no interim reply', withField('interim', null), (p) => p.interim, null],
    ['a limit in working hours', withField('accept.unit', 'workingHours'), (p) => p.accept.unit, 'workingHours'],
    ['the longest limit', withField('close.complex.amount', 250), (p) => p.close.complex.amount, 250],
    [
      'no extension',
      withField('extension', { allowed: false, maxTimes: 0, approverRole: 'coordinator' }),
      (p) => p.extension.allowed,
      false,
    ],
  ])('accepts %s', (_, input, read, expected) => {
    expect(read(parseSlaProfile(input))).toEqual(expected);
  });

  it.each<[string, unknown, string, string | null]>([
    ['not an object', [], 'NOT_AN_OBJECT', null],
    ['an unknown field', withField('respond', 1), 'UNKNOWN_FIELD', 'respond'],
    ['a field left out', withField('revisit', undefined), 'MISSING', 'revisit'],
    ['interim left out rather than null', withField('interim', undefined), 'MISSING', 'interim'],
    ['a complexity left out', withField('close.general', undefined), 'MISSING', 'close.general'],
    ['an unknown complexity', withField('close.urgent', standard.close.simple), 'UNKNOWN_FIELD', 'close.urgent'],
    ['a key with capitals', withField('key', 'Standard'), 'BAD_KEY', 'key'],
    ['an empty key', withField('key', ''), 'BAD_KEY', 'key'],
    ['a blank Chinese name', withField('name.zh-CN', '  '), 'BAD_NAME', 'name.zh-CN'],
    ['a name that is not text', withField('name.en', 3), 'BAD_NAME', 'name.en'],
    ['a name with a control character', withField('name.en', 'Fast\u0007'), 'BAD_NAME', 'name.en'],
    ['a name without English', withField('name', { 'zh-CN': '常规' }), 'MISSING', 'name.en'],
    ['toConfirm as text', withField('toConfirm', 'yes'), 'NOT_A_BOOLEAN', 'toConfirm'],
    ['a zero limit', withField('close.complex.amount', 0), 'BAD_LIMIT', 'close.complex.amount'],
    ['a negative limit', withField('accept.amount', -1), 'BAD_LIMIT', 'accept.amount'],
    ['a fractional limit', withField('revisit.amount', 2.5), 'BAD_LIMIT', 'revisit.amount'],
    ['a limit as text', withField('interim', { amount: '3', unit: 'workingDays' }), 'BAD_LIMIT', 'interim.amount'],
    ['a limit beyond a working year', withField('close.simple.amount', 251), 'BAD_LIMIT', 'close.simple.amount'],
    ['calendar days', withField('close.simple.unit', 'days'), 'BAD_UNIT', 'close.simple.unit'],
    ['a limit that is a number', withField('accept', 3), 'NOT_AN_OBJECT', 'accept'],
    ['no extensions although allowed', withField('extension.maxTimes', 0), 'BAD_COUNT', 'extension.maxTimes'],
    [
      'extensions counted although not allowed',
      withField('extension', { allowed: false, maxTimes: 1, approverRole: 'coordinator' }),
      'BAD_COUNT',
      'extension.maxTimes',
    ],
    ['another approver', withField('extension.approverRole', 'leader'), 'BAD_ROLE', 'extension.approverRole'],
  ])('refuses %s', (_, input, code, field) => {
    expect(errorOf(input)).toEqual({ code, field });
  });

  it('names the field in the message', () => {
    expect(() => parseSlaProfile(withField('close.complex.amount', 0))).toThrow(
      'invalid SLA profile: BAD_LIMIT at close.complex.amount',
    );
  });
});
