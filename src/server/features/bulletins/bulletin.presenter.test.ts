import { describe, expect, it } from 'vitest';
import type { IndicatorKey, IndicatorUnit } from '../../../domain/race/indicators.ts';
import { columnUnit, formatCell, toBulletinDocument } from './bulletin.presenter.ts';
import type { BulletinSnapshot } from './bulletins.service.ts';

const YI = 100_000_000;
const WAN = 10_000;

describe('one unit per bulletin column', () => {
  it.each<[IndicatorUnit, (number | null)[], string]>([
    ['元', [8_670_000, 123_450_000], '亿元'],
    ['元', [YI, 0], '亿元'],
    ['元', [YI - 1, 5 * WAN], '万元'],
    ['元', [-2 * YI, 3 * WAN], '亿元'],
    ['元', [null, null], '万元'],
    ['个', [3, 12], '个'],
    ['%', [87.25, 101], '%'],
  ])('prints a %s column of %j in %s', (unit, values, expected) => {
    expect(columnUnit(unit, values)).toBe(expected);
  });

  it.each<[Parameters<typeof formatCell>[0], number | null, string]>([
    ['亿元', 8_670_000, '0.09'],
    ['亿元', 123_450_000, '1.23'],
    ['亿元', 123_500_000, '1.24'],
    ['万元', 8_670_000, '867.00'],
    ['万元', 123_456_789, '12,345.68'],
    ['万元', 50, '0.01'],
    ['个', 3, '3'],
    ['%', 87.25, '87.3'],
    ['%', 9.95, '10.0'],
    ['%', null, '—'],
  ])('writes a %s cell of %s as the bare number %s', (unit, value, text) => {
    expect(formatCell(unit, value)).toBe(text);
  });
});

describe('toBulletinDocument', () => {
  const indicator = (key: IndicatorKey, unit: IndicatorUnit, label: string) => ({
    key,
    label: { 'zh-CN': label, en: label },
    unit,
    weight: 50,
    method: 'ratioToTarget' as const,
  });
  const row = (unitId: number, name: string, invest: number | null, starts: number) => ({
    unitId,
    name,
    total: 80,
    rank: unitId,
    rankChange: null,
    breakdown: [
      {
        indicator: 'fixedAssetInvestment' as const,
        value: invest,
        target: 3 * YI,
        score: invest === null ? null : 40,
        note: invest === null ? ('noValue' as const) : null,
      },
      { indicator: 'projectsStarted' as const, value: starts, target: 10, score: 40, note: null },
    ],
  });
  const group = (group: string, label: string, rows: ReturnType<typeof row>[]) => ({
    group,
    label: { 'zh-CN': label, en: label },
    rows,
    top: rows.slice(0, 1),
    bottom: rows.slice(-1),
  });
  const snapshot = {
    ranking: {
      period: {
        kind: 'month',
        year: 2026,
        index: 10,
        endMonth: 10,
        label: '2026年10月',
        labels: { 'zh-CN': '2026年10月', en: 'October 2026' },
      },
      indicators: [
        indicator('fixedAssetInvestment', '元', '固定资产投资'),
        indicator('projectsStarted', '个', '新开工项目数'),
      ],
      groups: [
        group('townships', '乡镇（街道）', [row(1, '兰江街道', 123_450_000, 5), row(2, '柏社乡', 8_670_000, 2)]),
        group('departments', '市级部门', [row(3, '市发改局', 8_670_000, 1), row(4, '市经信局', null, 0)]),
      ],
    },
    redProjects: [],
    totals: { planYuan: 0, completedYuan: 0, completionPct: null, timePct: 83.3 },
  } as unknown as BulletinSnapshot;
  const stored = {
    title: '通报',
    issuer: '兰溪市项目绩效年活动领导小组办公室',
    doc_number: '兰项绩办〔2026〕4号',
    published_at: '2026-11-30T17:30:00.000Z',
    commentary: '一、总体情况',
  };
  const doc = toBulletinDocument(stored, snapshot, { timeZone: 'Asia/Shanghai' });

  it('states each money column’s unit once, per table, and prints its cells as bare numbers in it', () => {
    const [townships, departments] = doc.groups;
    expect(townships!.indicators.map((i) => i.unit)).toEqual(['亿元', '个']);
    expect(townships!.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ['1.23', '5'],
      ['0.09', '2'],
    ]);
    expect(departments!.indicators.map((i) => i.unit)).toEqual(['万元', '个']);
    expect(departments!.rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ['867.00', '1'],
      ['—', '0'],
    ]);
    expect(departments!.rows[1]!.cells[0]!.score).toBe('无数据');
  });

  it('prints the county’s local date of publication and stamps the files with the instant', () => {
    // 17:30 UTC on 30 November is already 1 December in Beijing.
    expect(doc.publishedAt).toBe('2026-12-01');
    expect(doc.issuedAt).toBe('2026-11-30T17:30:00.000Z');
    expect(toBulletinDocument(stored, snapshot, { timeZone: 'UTC' }).publishedAt).toBe('2026-11-30');
  });
});
