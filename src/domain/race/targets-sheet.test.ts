import { describe, expect, it } from 'vitest';
import { indicatorHeader, readTargetSheet, type SheetIndicator } from './targets-sheet.ts';

const FISCAL: SheetIndicator = {
  key: 'fiscalRevenue',
  label: { 'zh-CN': '财政收入', en: 'Fiscal revenue' },
  unit: '元',
};
const STARTS: SheetIndicator = {
  key: 'projectsStarted',
  label: { 'zh-CN': '新开工项目数', en: 'Projects started' },
  unit: '个',
};
const GROWTH: SheetIndicator = {
  key: 'investmentGrowth',
  label: { 'zh-CN': '固定资产投资增速', en: 'Fixed-asset investment growth' },
  unit: '%',
};
const INDICATORS = [FISCAL, STARTS, GROWTH];
const UNITS = new Map([
  ['兰江街道', 1],
  ['云山街道', 2],
]);
const HEADER = { row: 3, cells: ['单位', '财政收入（万元）', '新开工项目数（个）', '固定资产投资增速（%）'] };

describe('the targets sheet', () => {
  it.each([
    [FISCAL, 'zh-CN', '财政收入（万元）'],
    [FISCAL, 'en', 'Fiscal revenue (10k yuan)'],
    [STARTS, 'zh-CN', '新开工项目数（个）'],
    [STARTS, 'en', 'Projects started'],
    [GROWTH, 'en', 'Fixed-asset investment growth (%)'],
  ] as const)('names %o in %s as %s', (indicator, locale, header) => {
    expect(indicatorHeader(indicator, locale)).toBe(header);
  });

  it('reads units × indicators under a title, money in 万元 exact to the 元, an empty cell as no target, 合计 skipped', () => {
    const read = readTargetSheet(
      [
        { row: 1, cells: ['2026年目标任务'] },
        HEADER,
        { row: 4, cells: ['兰江街道', 312345.6789, 12, '8.5%'] },
        { row: 5, cells: ['云山街道', '1,200', null, -2] },
        { row: 6, cells: ['合计', 313545.6789, 12, '—'] },
      ],
      INDICATORS,
      UNITS,
    );
    expect(read.problems).toEqual([]);
    expect(read.entries).toEqual([
      { unitId: 1, indicator: 'fiscalRevenue', value: 3_123_456_789, cell: 'B4' },
      { unitId: 1, indicator: 'projectsStarted', value: 12, cell: 'C4' },
      { unitId: 1, indicator: 'investmentGrowth', value: 8.5, cell: 'D4' },
      { unitId: 2, indicator: 'fiscalRevenue', value: 12_000_000, cell: 'B5' },
      { unitId: 2, indicator: 'projectsStarted', value: null, cell: 'C5' },
      { unitId: 2, indicator: 'investmentGrowth', value: -2, cell: 'D5' },
    ]);
  });

  it('reads English headers and money in 亿元 where the header says so', () => {
    const read = readTargetSheet(
      [
        { row: 1, cells: ['Unit', 'Fiscal revenue (100M yuan)'] },
        { row: 2, cells: ['兰江街道', '2.5'] },
      ],
      INDICATORS,
      UNITS,
    );
    expect(read).toEqual({
      entries: [{ unitId: 1, indicator: 'fiscalRevenue', value: 250_000_000, cell: 'B2' }],
      problems: [],
    });
  });

  it.each([
    ['text in a number cell', ['兰江街道', '三十万'], { code: 'NOT_NUMBER', cell: 'B4', text: '三十万' }],
    ['finer than one 元', ['兰江街道', 1.23456], { code: 'TOO_PRECISE', cell: 'B4', text: '1.23456' }],
    ['a unit not known', ['柏社乡', 1], { code: 'UNKNOWN_UNIT', cell: 'A4', text: '柏社乡' }],
    [
      'a formula without its result',
      ['兰江街道', { formula: 'SUM(B1:B2)' }],
      { code: 'NOT_NUMBER', cell: 'B4', text: '=SUM(B1:B2)' },
    ],
  ])('names the cell of %s', (_, cells, problem) => {
    const read = readTargetSheet([HEADER, { row: 4, cells }], INDICATORS, UNITS);
    expect(read.problems).toEqual([problem]);
    expect(read.entries.some((e) => e.cell === problem.cell)).toBe(false);
  });

  it('names a unit given twice, an unknown column, and a sheet without a header', () => {
    const twice = readTargetSheet(
      [
        { row: 1, cells: ['单位', '财政收入（万元）', '亩均税收'] },
        { row: 2, cells: ['兰江街道', 1] },
        { row: 3, cells: ['兰江街道', 2] },
      ],
      INDICATORS,
      UNITS,
    );
    expect(twice.problems).toEqual([
      { code: 'UNKNOWN_COLUMN', cell: 'C1', text: '亩均税收' },
      { code: 'DUPLICATE_UNIT', cell: 'A3', text: '兰江街道' },
    ]);
    expect(readTargetSheet([{ row: 1, cells: ['名称', '财政收入'] }], INDICATORS, UNITS).problems).toEqual([
      { code: 'NO_HEADER', cell: 'A1' },
    ]);
  });
});
