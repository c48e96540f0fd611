import { describe, expect, it } from 'vitest';
import type { DetectedHeader } from './header-detect.ts';
import {
  cellOf,
  missingRequired,
  parseRow,
  planColumns,
  ruleErrors,
  transitionError,
  type RawCell,
} from './row-validation.ts';

const header: DetectedHeader = {
  headerRow: 3,
  headerRows: [3],
  dataStartRow: 4,
  unitNote: null,
  title: null,
  columns: [
    { index: 0, letter: 'A', header: '序号', group: null },
    { index: 1, letter: 'B', header: '项目名称', group: null },
    { index: 2, letter: 'C', header: '项目阶段', group: null },
    { index: 3, letter: 'D', header: '总投资（亿元）', group: null },
    { index: 4, letter: 'E', header: '计划开工时间', group: null },
    { index: 5, letter: 'F', header: '2027年计划投资', group: null },
  ],
};
const plans = planColumns(
  header,
  {
    columns: { B: 'name', C: 'stage', D: 'totalInvestmentWan', E: 'plannedStartDate', F: 'annualPlanWan' },
    defaults: {},
  },
  2026,
);
const row = (n: number, ...cells: RawCell[]) => parseRow({ row: n, cells }, plans);

describe('row parsing', () => {
  it('plans each mapped column with its unit and plan year', () => {
    expect(plans.map((p) => [p.letter, p.column.field, p.ctx.moneyUnit, p.planYear])).toEqual([
      ['B', 'name', 'wan', null],
      ['C', 'stage', 'wan', null],
      ['D', 'totalInvestmentWan', 'yi', null],
      ['E', 'plannedStartDate', 'wan', null],
      ['F', 'annualPlanWan', 'wan', 2027],
    ]);
  });

  it('stores a good row as it will be kept: 亿元 to 元, dates, enum values', () => {
    expect(row(17, 1, '兰溪纺织项目', '在建', 1.5, '2026.3', 2000)).toEqual({
      row: 17,
      kind: 'data',
      errors: [],
      values: {
        name: '兰溪纺织项目',
        stage: 'construction',
        totalInvestmentWan: 150_000_000,
        plannedStartDate: '2026-03-01',
        annualPlanWan: 20_000_000,
      },
    });
  });

  it.each([
    ['an amount that is text', [1, '纺织项目', '在建', '约1亿'], 'D17', '总投资（亿元）', '“约1亿”不是金额'],
    ['an unknown stage', [1, '纺织项目', '在干', 1], 'C17', '项目阶段', '“在干”不是可选的项目阶段'],
    ['a date that is not one', [1, '纺织项目', '在建', 1, '明年'], 'E17', '计划开工时间', '不是日期'],
    [
      'a formula without its result',
      [1, '纺织项目', '在建', { formula: 'SUM(D1:D3)' }],
      'D17',
      '总投资（亿元）',
      '是公式（=SUM(D1:D3)），文件中没有保存计算结果',
    ],
    ['an error value', [1, '纺织项目', '在建', { error: '#DIV/0!' }], 'D17', '总投资（亿元）', '错误值 #DIV/0!'],
    ['a one-character name', [1, '项', '在建', 1], 'B17', '项目名称', '至少 2 个字'],
  ] as [string, RawCell[], string, string, string][])('names the cell of %s', (_what, cells, cell, column, message) => {
    const parsed = row(17, ...cells);
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]).toMatchObject({ row: 17, cell, column });
    expect(parsed.errors[0]!.message).toContain(message);
  });

  it.each([
    ['an empty row', [null, null, '  ']],
    ['a row with only an unmapped cell', [12]],
  ] as [string, RawCell[]][])('treats %s as blank', (_what, cells) => {
    expect(row(9, ...cells).kind).toBe('blank');
  });

  it.each([['合计'], ['一、产业项目'], ['（二）基础设施'], ['注：金额单位为亿元']])('skips the line “%s”', (name) => {
    expect(row(9, null, name, null, 12.5).kind).toBe('skip');
  });
});

describe('row rules', () => {
  it('names the missing required fields of a new project, pointing at the name cell when unmapped', () => {
    const errors = missingRequired({ name: '纺织项目' }, 8, plans, {
      nature: '新建',
      kind: '产业',
      investmentType: '企业投资',
      approvalMode: '备案',
    });
    expect(errors).toEqual([
      {
        row: 8,
        cell: 'B8',
        column: '项目名称',
        message: '新建项目须有“国民经济行业”：台账中没有这一列，请在列对应中指定列或默认值',
      },
      { row: 8, cell: 'D8', column: '总投资（亿元）', message: '新建项目须填写“总投资（万元）”' },
    ]);
  });

  it('maps cross-field violations back to their cells', () => {
    expect(
      ruleErrors(
        [
          { field: 'annualPlans', key: 'PLANS_ABOVE_TOTAL', params: {} },
          { field: 'actualStartDate', key: 'STAGE_NEEDS_DATE', params: { stage: 'construction' } },
        ],
        5,
        plans,
      ),
    ).toEqual([
      { row: 5, cell: 'F5', column: '2027年计划投资', message: '年度计划投资合计不能超过总投资' },
      { row: 5, cell: 'B5', column: '项目名称', message: '阶段为“在建”的项目须填写实际开工时间' },
    ]);
  });

  it('explains a stage change the lifecycle refuses', () => {
    expect(
      transitionError(
        { code: 'FORBIDDEN_TRANSITION', allowed: ['preparing', 'planning', 'dropped'] },
        'reserve',
        'completed',
        6,
        plans,
      ),
    ).toEqual({
      row: 6,
      cell: 'C6',
      column: '项目阶段',
      message: '项目当前为“储备”，不能直接改为“竣工”（可改为：前期、谋划、退库）',
    });
  });

  it('points at the first mapped column when nothing better exists', () => {
    expect(cellOf('ownerName', 3, plans)).toEqual({ row: 3, cell: 'B3', column: '项目名称' });
  });
});
