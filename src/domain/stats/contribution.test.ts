import { describe, expect, it } from 'vitest';
import { contributionOf, differenceOf, YI, type StatFacts, type StatRow } from './contribution.ts';

const base: StatFacts = {
  unitId: 7,
  stage: 'preparing',
  totalInvestment: 50_000_000,
  plannedStartDate: null,
  actualStartDate: null,
  plannedProductionDate: null,
  actualProductionDate: null,
  plans: [],
  approvedReports: [],
  colour: null,
};
const pick = (rows: StatRow[], metric: string, year = 0, month = 0) =>
  rows.find((r) => r.metric === metric && r.year === year && r.month === month)?.value;

describe('a project’s contribution to its unit’s statistics', () => {
  it('sums the approved months and the annual plans at their periods', () => {
    const rows = contributionOf({
      ...base,
      plans: [{ year: 2026, amount: 12_000_000 }],
      approvedReports: [
        { year: 2026, month: 1, amount: 1_000_000 },
        { year: 2026, month: 2, amount: 2_500_000 },
      ],
    });
    expect(pick(rows, 'done', 2026, 1)).toBe(1_000_000);
    expect(pick(rows, 'done', 2026, 2)).toBe(2_500_000);
    expect(pick(rows, 'plan', 2026)).toBe(12_000_000);
    expect(rows.every((r) => r.unitId === 7)).toBe(true);
  });

  it.each([
    ['green', 'light.green'],
    ['red', 'light.red'],
    ['grey', 'light.grey'],
  ] as const)('counts one %s light', (colour, metric) => {
    const rows = contributionOf({ ...base, colour });
    expect(rows.filter((r) => r.metric.startsWith('light.'))).toEqual([
      { unitId: 7, year: 0, month: 0, metric, value: 1 },
    ]);
  });

  it('has no light row before the light is computed', () => {
    expect(contributionOf(base).some((r) => r.metric.startsWith('light.'))).toBe(false);
  });

  it('puts a planning project on the planning list with its investment', () => {
    const rows = contributionOf({ ...base, stage: 'planning' });
    expect(pick(rows, 'planning.count')).toBe(1);
    expect(pick(rows, 'planning.investment')).toBe(50_000_000);
    expect(pick(rows, 'reserve.count')).toBeUndefined();
  });

  it('files the start list under the planned start year, done once started', () => {
    const pending = contributionOf({ ...base, plannedStartDate: '2026-05-10' });
    expect([
      pick(pending, 'start.count', 2026),
      pick(pending, 'start.investment', 2026),
      pick(pending, 'start.done', 2026),
    ]).toEqual([1, 50_000_000, undefined]);
    expect(pick(pending, 'startDue', 2026, 5)).toBe(1);
    const started = contributionOf({
      ...base,
      stage: 'construction',
      plannedStartDate: '2026-05-10',
      actualStartDate: '2026-04-28',
    });
    expect(pick(started, 'start.done', 2026)).toBe(1);
    expect(pick(started, 'startDue', 2026, 5)).toBeUndefined();
  });

  it('leaves a dropped project off the start and production lists', () => {
    const rows = contributionOf({
      ...base,
      stage: 'dropped',
      plannedStartDate: '2026-05-10',
      plannedProductionDate: '2027-06-30',
    });
    expect(rows.filter((r) => r.metric.startsWith('start.') || r.metric.startsWith('production.'))).toEqual([]);
  });

  it.each([
    ['just under 1 亿: a start, not 亿元以上', YI - 1, undefined],
    ['exactly 1 亿: 亿元以上', YI, 1],
  ])('counts an actual start in its month — %s', (_what, total, aboveYi) => {
    const rows = contributionOf({
      ...base,
      stage: 'construction',
      totalInvestment: total,
      actualStartDate: '2026-03-15',
    });
    expect(pick(rows, 'starts', 2026, 3)).toBe(1);
    expect(pick(rows, 'startsAboveYi', 2026, 3)).toBe(aboveYi);
  });
});

describe('the difference a change makes', () => {
  it('moves a project’s light from yellow to red: −1 yellow, +1 red', () => {
    const d = differenceOf(contributionOf({ ...base, colour: 'yellow' }), contributionOf({ ...base, colour: 'red' }));
    expect(d.sort((a, b) => a.metric.localeCompare(b.metric))).toEqual([
      { unitId: 7, year: 0, month: 0, metric: 'light.red', value: 1 },
      { unitId: 7, year: 0, month: 0, metric: 'light.yellow', value: -1 },
    ]);
  });

  it('a correction from 100 万 to 80 万 takes 20 万 off the month', () => {
    const before = contributionOf({ ...base, approvedReports: [{ year: 2026, month: 4, amount: 1_000_000 }] });
    const after = contributionOf({ ...base, approvedReports: [{ year: 2026, month: 4, amount: 800_000 }] });
    expect(differenceOf(before, after)).toEqual([{ unitId: 7, year: 2026, month: 4, metric: 'done', value: -200_000 }]);
  });

  it('a project handed to another unit leaves everything behind and brings it along', () => {
    const facts = { ...base, plans: [{ year: 2026, amount: 9 }], colour: 'green' as const };
    const d = differenceOf(contributionOf(facts), contributionOf({ ...facts, unitId: 8 }));
    expect(d.filter((r) => r.unitId === 7).every((r) => r.value < 0)).toBe(true);
    expect(
      d
        .filter((r) => r.unitId === 8)
        .map((r) => r.metric)
        .sort(),
    ).toEqual(['light.green', 'plan']);
  });

  it('an unchanged project makes no difference', () => {
    const facts = { ...base, stage: 'planning' as const, colour: 'red' as const, plans: [{ year: 2026, amount: 5 }] };
    expect(differenceOf(contributionOf(facts), contributionOf(facts))).toEqual([]);
  });
});
