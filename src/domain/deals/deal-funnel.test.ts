import { describe, expect, it } from 'vitest';
import type { DealStage } from './deal-stages.ts';
import { breakdown, calendarDaysBetween, dealFunnel, median, type FunnelDeal } from './deal-funnel.ts';

/** A deal from its moves: each [stage, entered on]; a stage is left the day the next is entered. */
const deal = (...moves: [DealStage, string][]): FunnelDeal => ({
  visits: moves.map(([stage, enteredOn], i) => ({ stage, enteredOn, leftOn: moves[i + 1]?.[1] ?? null })),
});

describe('the funnel, worked by hand', () => {
  // Six deals of 2026:
  //   A 线索 03-02 → 研判 03-05 → 在谈 03-15 → 签约 04-10 → 落地 05-20   (3, 10, 26, 40 days; now 落地)
  //   B 线索 03-10 → 研判 03-12 → 线索 03-20 → 研判 03-25              (线索 2 + 5 = 7 days; now 研判)
  //   C entered at 在谈 04-01 → 签约 04-21                             (在谈 20 days; now 签约)
  //   D 线索 04-01 → 研判 04-03 → 搁置 04-10                            (2, 7 days; now shelved)
  //   E 线索 05-01                                                     (now 线索)
  //   F 线索 03-01 → 研判 03-04 → 在谈 03-09 → 终止 06-01                (3, 5, 84 days; terminated)
  //
  // reached: 线索 6 (C counts too), 研判 5 (A B C D F), 在谈 3 (A C F), 签约 2 (A C), 落地 1 (A).
  // current: 线索 E, 研判 B, 在谈 none, 签约 C, 落地 A.
  // conversion: 5/6 = 83.33%, 3/5 = 60%, 2/3 = 66.67%, 1/2 = 50%; 落地 none.
  // median days, of the deals that left the stage:
  //   线索 A 3, B 7, D 2, F 3 → 2 3 3 7 → (3 + 3) / 2 = 3 (E is still there);
  //   研判 A 10, D 7, F 5 → 7 (B is still there);   在谈 A 26, C 20, F 84 → 26;
  //   签约 A 40 → 40 (C is still there);   落地 none left it → null.
  // signed: 2 of 6 leads = 33.33%.
  const deals = [
    deal(
      ['lead', '2026-03-02'],
      ['assessing', '2026-03-05'],
      ['negotiating', '2026-03-15'],
      ['signed', '2026-04-10'],
      ['landed', '2026-05-20'],
    ),
    deal(['lead', '2026-03-10'], ['assessing', '2026-03-12'], ['lead', '2026-03-20'], ['assessing', '2026-03-25']),
    deal(['negotiating', '2026-04-01'], ['signed', '2026-04-21']),
    deal(['lead', '2026-04-01'], ['assessing', '2026-04-03'], ['shelved', '2026-04-10']),
    deal(['lead', '2026-05-01']),
    deal(
      ['lead', '2026-03-01'],
      ['assessing', '2026-03-04'],
      ['negotiating', '2026-03-09'],
      ['terminated', '2026-06-01'],
    ),
  ];

  it.each<[DealStage, number, number, number | null, number | null]>([
    ['lead', 6, 1, (5 * 100) / 6, 3],
    ['assessing', 5, 1, 60, 7],
    ['negotiating', 3, 0, (2 * 100) / 3, 26],
    ['signed', 2, 1, 50, 40],
    ['landed', 1, 1, null, null],
  ])('%s: reached %d, now %d, converted %f%%, median %f days', (stage, reached, current, conversionPct, medianDays) => {
    expect(dealFunnel(deals).rows.find((r) => r.stage === stage)).toEqual({
      stage,
      reached,
      current,
      conversionPct,
      medianDays,
    });
  });

  it('lists the pipeline in order and the share signed, unrounded', () => {
    const funnel = dealFunnel(deals);
    expect(funnel.rows.map((r) => r.stage)).toEqual(['lead', 'assessing', 'negotiating', 'signed', 'landed']);
    expect(funnel.signedPct).toBe(100 / 3);
  });

  it('is empty without deals', () => {
    const funnel = dealFunnel([]);
    expect(funnel.signedPct).toBeNull();
    expect(funnel.rows.map((r) => [r.reached, r.current, r.conversionPct, r.medianDays])).toEqual(
      Array(5).fill([0, 0, null, null]),
    );
  });

  it('sums the stays of a deal shelved and resumed, and leaves the shelved days out', () => {
    // 线索 01-05 → 搁置 01-10 → 线索 02-10 → 研判 02-12: 5 + 2 = 7 days in 线索.
    const resumed = deal(
      ['lead', '2026-01-05'],
      ['shelved', '2026-01-10'],
      ['lead', '2026-02-10'],
      ['assessing', '2026-02-12'],
    );
    expect(dealFunnel([resumed]).rows[0]).toMatchObject({ reached: 1, medianDays: 7, conversionPct: 100 });
  });
});

describe('the helpers', () => {
  it.each([
    ['2026-03-15', '2026-04-10', 26],
    ['2026-09-28', '2026-10-08', 10],
    ['2028-02-28', '2028-03-01', 2], // a leap year
    ['2026-05-01', '2026-05-01', 0],
  ])('from %s to %s: %d calendar days', (from, to, days) => {
    expect(calendarDaysBetween(from, to)).toBe(days);
  });

  it.each([
    [[], null],
    [[4], 4],
    [[9, 1, 5], 5],
    [[7, 2, 3, 3], 3],
    [[1, 2], 1.5],
  ])('median of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('amounts by a key', () => {
  const deals = [
    { region: 'shanghaiJiangsu', yuan: 300_000_000 },
    { region: 'hangzhou', yuan: 120_000_000 },
    { region: 'shanghaiJiangsu', yuan: 50_000_000 },
    { region: null, yuan: 20_000_000 },
    { region: 'shenzhen', yuan: 120_000_000 },
    { region: 'wenzhou', yuan: 0 },
  ];

  it('counts and sums each key, the largest amount first, equal amounts by key, no key under ""', () => {
    expect(
      breakdown(
        deals,
        (d) => d.region,
        (d) => d.yuan,
      ),
    ).toEqual([
      { key: 'shanghaiJiangsu', count: 2, amountYuan: 350_000_000 },
      { key: 'hangzhou', count: 1, amountYuan: 120_000_000 },
      { key: 'shenzhen', count: 1, amountYuan: 120_000_000 },
      { key: '', count: 1, amountYuan: 20_000_000 },
      { key: 'wenzhou', count: 1, amountYuan: 0 },
    ]);
  });

  it('is empty for no items', () => {
    expect(
      breakdown(
        [],
        () => 'x',
        () => 1,
      ),
    ).toEqual([]);
  });
});
