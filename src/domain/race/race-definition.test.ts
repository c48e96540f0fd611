import { describe, expect, it } from 'vitest';
import { configErrorOf } from './fixtures.ts';
import { DEFAULT_PEER_GROUPS, groupForKind, parseRaceDefinition, weightWarnings } from './race-definition.ts';

const investment = { key: 'fixedAssetInvestment', weight: 60, method: 'ratioToTarget', params: { cap: 1.2 } };
const starts = { key: 'projectsStarted', weight: 40, method: 'rankPoints', params: { points: [10, 8, 6] } };
const overdue = { key: 'overdueStarts', method: 'deduction', params: { perEvent: 0.1, cap: 5 } };
const minimal = { name: ' 2026年项目建设赛马 ', periodKind: 'month', indicators: [investment, starts] };
const withPatch = (patch: Record<string, unknown>) => ({ ...minimal, ...patch });
const withIndicator = (patch: Record<string, unknown>, i = 0) =>
  withPatch({ indicators: [{ ...investment, ...patch }, starts].slice(0, i + 1) });

describe('parseRaceDefinition', () => {
  it('fills groups (乡镇街道, 县级部门, 平台), topN and bottomN (3) and method defaults', () => {
    const def = parseRaceDefinition({
      ...minimal,
      indicators: [{ key: 'fixedAssetInvestment', weight: 100, method: 'ratioToTarget' }],
    });
    expect(def).toEqual({
      name: '2026年项目建设赛马',
      periodKind: 'month',
      groups: [
        {
          key: 'townships',
          label: { 'zh-CN': '乡镇街道', en: 'Townships and streets' },
          unitKinds: ['township', 'street'],
        },
        { key: 'departments', label: { 'zh-CN': '县级部门', en: 'County departments' }, unitKinds: ['department'] },
        { key: 'platforms', label: { 'zh-CN': '平台', en: 'Platforms' }, unitKinds: ['platform'] },
      ],
      indicators: [{ key: 'fixedAssetInvestment', weight: 100, method: 'ratioToTarget', params: { cap: 1.2 } }],
      topN: 3,
      bottomN: 3,
    });
  });

  it('keeps what the definition sets', () => {
    const def = parseRaceDefinition({
      ...minimal,
      periodKind: 'quarter',
      groups: [
        { key: 'towns', label: '乡镇', unitKinds: ['township'] },
        { key: 'others', label: { 'zh-CN': '部门和平台', en: 'Others' }, unitKinds: ['department', 'platform'] },
      ],
      indicators: [investment, starts, overdue],
      topN: 0,
      bottomN: 5,
    });
    expect(def.periodKind).toBe('quarter');
    expect(def.groups).toEqual([
      { key: 'towns', label: { 'zh-CN': '乡镇', en: '乡镇' }, unitKinds: ['township'] },
      { key: 'others', label: { 'zh-CN': '部门和平台', en: 'Others' }, unitKinds: ['department', 'platform'] },
    ]);
    expect(def.indicators).toEqual([
      investment,
      { ...starts, params: { points: [10, 8, 6], rest: 'zero' } },
      { ...overdue, weight: 0 },
    ]);
    expect([def.topN, def.bottomN]).toEqual([0, 5]);
  });

  it.each(['month', 'quarter', 'year'])('accepts the period kind %s', (periodKind) => {
    expect(parseRaceDefinition(withPatch({ periodKind })).periodKind).toBe(periodKind);
  });

  it('takes a weight of 0 for a deduction, which ignores weights', () => {
    expect(
      parseRaceDefinition(withPatch({ indicators: [investment, { ...overdue, weight: 0 }] })).indicators[1]!.weight,
    ).toBe(0);
  });

  it('does not share the default groups with the result', () => {
    parseRaceDefinition(minimal).groups[0]!.unitKinds.push('village');
    expect(DEFAULT_PEER_GROUPS[0]!.unitKinds).toEqual(['township', 'street']);
  });

  it.each([
    ['a list', [], 'NOT_AN_OBJECT', null],
    ['an unknown field', withPatch({ season: 'spring' }), 'UNKNOWN_FIELD', 'season'],
    ['a blank name', withPatch({ name: '  ' }), 'BAD_NAME', 'name'],
    ['no name', { periodKind: 'month', indicators: [investment] }, 'BAD_NAME', 'name'],
    ['a daily race', withPatch({ periodKind: 'day' }), 'BAD_PERIOD_KIND', 'periodKind'],
    // Weeks are a period kind of the calendar, but no race ranks by them yet (their ranking would fail).
    ['a weekly race', withPatch({ periodKind: 'week' }), 'BAD_PERIOD_KIND', 'periodKind'],
    ['a 101-character name', withPatch({ name: '长'.repeat(101) }), 'BAD_NAME', 'name'],
    ['a billion 骏马', withPatch({ topN: 1_000_000_000 }), 'BAD_TOP_N', 'topN'],
    ['21 蜗牛', withPatch({ bottomN: 21 }), 'BAD_BOTTOM_N', 'bottomN'],
    ['no indicators', { name: 'x', periodKind: 'year' }, 'NO_INDICATORS', 'indicators'],
    ['an empty indicator list', withPatch({ indicators: [] }), 'NO_INDICATORS', 'indicators'],
    ['indicators not in a list', withPatch({ indicators: investment }), 'NOT_A_LIST', 'indicators'],
    [
      'an indicator that is not an object',
      withPatch({ indicators: [investment, 'taxRevenue'] }),
      'NOT_AN_OBJECT',
      'indicators[1]',
    ],
    ['an unknown indicator', withIndicator({ key: 'gdp' }), 'UNKNOWN_INDICATOR', 'indicators[0].key'],
    [
      'a duplicate indicator',
      withPatch({ indicators: [investment, starts, { ...investment, method: 'efficacyCoefficient', params: {} }] }),
      'DUPLICATE_INDICATOR',
      'indicators[2].key',
    ],
    ['an unknown indicator field', withIndicator({ target: 100 }), 'UNKNOWN_FIELD', 'indicators[0].target'],
    ['a zero weight', withIndicator({ weight: 0 }), 'WEIGHT_NOT_POSITIVE', 'indicators[0].weight'],
    ['a negative weight', withIndicator({ weight: -10 }), 'WEIGHT_NOT_POSITIVE', 'indicators[0].weight'],
    ['a missing weight', withIndicator({ weight: undefined }), 'REQUIRED', 'indicators[0].weight'],
    ['a weight in words', withIndicator({ weight: '60' }), 'NOT_A_NUMBER', 'indicators[0].weight'],
    [
      'a weight on a deduction',
      withPatch({ indicators: [investment, { ...overdue, weight: 5 }] }),
      'WEIGHT_NOT_USED',
      'indicators[1].weight',
    ],
    ['an unknown method', withIndicator({ method: 'median' }), 'UNKNOWN_METHOD', 'indicators[0].method'],
    [
      'a deduction on investment',
      withIndicator({ method: 'deduction', params: { perEvent: 1, cap: 5 } }),
      'METHOD_NOT_FOR_INDICATOR',
      'indicators[0].method',
    ],
    [
      'tiers on money',
      withIndicator({ method: 'tieredCount', params: { tiers: [{ min: 0, points: 1 }] } }),
      'METHOD_NOT_FOR_INDICATOR',
      'indicators[0].method',
    ],
    ['a cap of 0', withIndicator({ params: { cap: 0 } }), 'CAP_NOT_POSITIVE', 'indicators[0].params.cap'],
    [
      'no points',
      withPatch({ indicators: [investment, { ...starts, params: { points: [] } }] }),
      'POINTS_EMPTY',
      'indicators[1].params.points',
    ],
    [
      'a deduction without a cap',
      withPatch({ indicators: [investment, { ...overdue, params: { perEvent: 0.1 } }] }),
      'REQUIRED',
      'indicators[1].params.cap',
    ],
    ['a negative topN', withPatch({ topN: -1 }), 'BAD_TOP_N', 'topN'],
    ['a fractional topN', withPatch({ topN: 2.5 }), 'BAD_TOP_N', 'topN'],
    ['topN in words', withPatch({ topN: '3' }), 'BAD_TOP_N', 'topN'],
    ['a negative bottomN', withPatch({ bottomN: -3 }), 'BAD_BOTTOM_N', 'bottomN'],
    ['groups not in a list', withPatch({ groups: {} }), 'NOT_A_LIST', 'groups'],
    ['no groups', withPatch({ groups: [] }), 'NO_GROUPS', 'groups'],
    [
      'a group without a key',
      withPatch({ groups: [{ key: ' ', label: '乡镇', unitKinds: ['township'] }] }),
      'BAD_GROUP_KEY',
      'groups[0].key',
    ],
    [
      'a group without a label',
      withPatch({ groups: [{ key: 'a', label: '', unitKinds: ['township'] }] }),
      'BAD_LABEL',
      'groups[0].label',
    ],
    [
      'a label without English',
      withPatch({ groups: [{ key: 'a', label: { 'zh-CN': '乡镇' }, unitKinds: ['township'] }] }),
      'BAD_LABEL',
      'groups[0].label',
    ],
    [
      'a group without unit kinds',
      withPatch({ groups: [{ key: 'a', label: 'A', unitKinds: [] }] }),
      'NO_UNIT_KINDS',
      'groups[0].unitKinds',
    ],
    [
      'an unknown unit kind',
      withPatch({ groups: [{ key: 'a', label: 'A', unitKinds: ['township', 'town'] }] }),
      'UNKNOWN_UNIT_KIND',
      'groups[0].unitKinds[1]',
    ],
    [
      'a duplicate group key',
      withPatch({
        groups: [
          { key: 'a', label: 'A', unitKinds: ['township'] },
          { key: 'a', label: 'B', unitKinds: ['street'] },
        ],
      }),
      'DUPLICATE_GROUP',
      'groups[1].key',
    ],
    [
      'a unit kind in two groups',
      withPatch({
        groups: [
          { key: 'a', label: 'A', unitKinds: ['township', 'street'] },
          { key: 'b', label: 'B', unitKinds: ['department', 'street'] },
        ],
      }),
      'UNIT_KIND_IN_TWO_GROUPS',
      'groups[1].unitKinds[1]',
    ],
  ])('refuses %s', (_what, input, code, field) => {
    expect(configErrorOf(() => parseRaceDefinition(input))).toEqual({ code, field });
  });

  it('names the place in its message', () => {
    expect(() => parseRaceDefinition(withIndicator({ params: { cap: 0 } }))).toThrow(
      'invalid race configuration: CAP_NOT_POSITIVE at indicators[0].params.cap',
    );
  });
});

describe('weightWarnings', () => {
  const weights = (...ws: number[]) =>
    parseRaceDefinition(
      withPatch({
        indicators: ws.map((weight, i) => ({
          key: ['fixedAssetInvestment', 'projectsStarted', 'taxRevenue'][i],
          weight,
          method: 'efficacyCoefficient',
        })),
      }),
    );

  it.each([
    [[60, 40], []],
    [[33.3, 33.3, 33.4], []], // not 100.00000000000001
    [[60, 30], [{ code: 'WEIGHTS_NOT_100', sum: 90 }]],
    [[60, 50], [{ code: 'WEIGHTS_NOT_100', sum: 110 }]],
    [[0.1, 0.2], [{ code: 'WEIGHTS_NOT_100', sum: 0.3 }]],
  ])('weights %o → %o', (ws, expected) => {
    expect(weightWarnings(weights(...ws))).toEqual(expected);
  });

  it('does not count a deduction, which lies outside the 100 points', () => {
    expect(weightWarnings(parseRaceDefinition(withPatch({ indicators: [investment, starts, overdue] })))).toEqual([]);
  });
});

describe('groupForKind', () => {
  const def = parseRaceDefinition(minimal);
  it.each([
    ['township', 'townships'],
    ['street', 'townships'],
    ['department', 'departments'],
    ['platform', 'platforms'],
    ['village', null],
    ['county', null],
  ] as const)('ranks a %s in %s', (kind, group) => {
    expect(groupForKind(def, kind)?.key ?? null).toBe(group);
  });
});
