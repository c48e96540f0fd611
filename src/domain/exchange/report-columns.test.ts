import { describe, expect, it } from 'vitest';
import { REPORT_SET } from './column-sets.ts';
import {
  detectHeader,
  isHeaderProblem,
  type DetectedHeader,
  type HeaderColumn,
  type SheetRow,
} from './header-detect.ts';
import {
  applySavedMapping,
  checkMapping,
  matchHeader,
  missingForCreate,
  otherKindSuggested,
  proposeMapping,
  toSavedMapping,
} from './mapping.ts';
import { COLUMN_BY_FIELD, formatFieldValue, parseCell, type CellValue, type LedgerField } from './project-columns.ts';
import { periodInTitle } from './report-columns.ts';

const column = (field: LedgerField) => COLUMN_BY_FIELD.get(field)!;
const parse = (field: LedgerField, value: CellValue) => parseCell(column(field), value);
const cols = (...headers: string[]): HeaderColumn[] =>
  headers.map((header, index) => ({ index, letter: String.fromCharCode(65 + index), header, group: null }));

describe('monthly-report ledger headers', () => {
  it.each([
    ['本月完成投资（万元）', 'monthAmountWan'],
    ['本月完成', 'monthAmountWan'],
    ['当月完成投资(亿元)', 'monthAmountWan'],
    ['形象进度', 'progressText'],
    ['项目进展情况', null],
    ['进展情况', 'progressText'],
    ['存在问题及建议', 'problems'],
    ['需协调解决的问题', 'problems'],
    ['报告期', 'reportPeriod'],
    ['填报月份', 'reportPeriod'],
    ['年月', 'reportPeriod'],
    ['月份', 'reportMonth'],
    ['年度', 'reportYear'],
    ['项目代码', 'code'],
    ['项目名称', 'name'],
    ['1-10月累计完成投资', null],
    ['总投资（万元）', null],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header, REPORT_SET)).toBe(field);
  });

  it('does not read report columns in a project ledger, nor project columns in a report ledger', () => {
    expect(matchHeader('本月完成投资')).toBeNull();
    expect(matchHeader('总投资', REPORT_SET)).toBeNull();
  });

  it('finds the header of a report ledger under its title, and proposes the mapping', () => {
    const rows: SheetRow[] = [
      { row: 1, cells: ['兰溪市2026年10月重点项目进展情况表', null, null, null, null] },
      { row: 2, cells: ['序号', '项目名称', '总投资（万元）', '本月完成（万元）', '形象进度'] },
      { row: 3, cells: [1, '光膜新材料项目', 50000, 1250.5, '主体施工'] },
    ];
    const h = detectHeader(rows, { set: REPORT_SET });
    expect(isHeaderProblem(h)).toBe(false);
    const header = h as DetectedHeader;
    expect(header.headerRow).toBe(2);
    expect(header.title).toBe('兰溪市2026年10月重点项目进展情况表');
    expect(proposeMapping(header.columns, REPORT_SET)).toEqual({
      A: null,
      B: 'name',
      C: null,
      D: 'monthAmountWan',
      E: 'progressText',
    });
  });

  it('asks for the month and the amount until a column or a default gives them', () => {
    expect(missingForCreate({ columns: { A: 'name' }, defaults: {} }, REPORT_SET)).toEqual([
      'monthAmountWan',
      'reportPeriod',
    ]);
    expect(
      missingForCreate({ columns: { A: 'name', B: 'monthAmountWan', C: 'reportMonth' }, defaults: {} }, REPORT_SET),
    ).toEqual([]);
    expect(
      missingForCreate(
        { columns: { A: 'name', B: 'monthAmountWan' }, defaults: { reportPeriod: '2026-10' } },
        REPORT_SET,
      ),
    ).toEqual([]);
  });

  it('notices a ledger of the other kind, but not context columns', () => {
    const projectLedger = cols('序号', '项目名称', '项目代码', '总投资（万元）', '建设性质', '项目阶段', '形象进度');
    const reportLedger = cols('序号', '项目名称', '本月完成投资', '形象进度', '存在问题');
    const reportWithContext = cols('序号', '项目名称', '总投资', '项目阶段', '年度计划投资', '本月完成', '形象进度');
    expect(otherKindSuggested(projectLedger, 'reports')).toBe('projects');
    expect(otherKindSuggested(projectLedger, 'projects')).toBeNull();
    expect(otherKindSuggested(reportLedger, 'projects')).toBe('reports');
    expect(otherKindSuggested(reportLedger, 'reports')).toBeNull();
    expect(otherKindSuggested(reportWithContext, 'reports')).toBeNull();
    expect(otherKindSuggested(reportWithContext, 'projects')).toBeNull();
    // Name and code alone say nothing either way.
    expect(otherKindSuggested(cols('项目名称', '项目代码', '备注'), 'projects')).toBeNull();
    expect(otherKindSuggested(cols('项目名称', '项目代码', '备注'), 'reports')).toBeNull();
  });

  it('never saves a month for the next ledger: each file has its own', () => {
    const columns = cols('项目名称', '本月完成');
    const saved = toSavedMapping(
      { columns: { A: 'name', B: 'monthAmountWan' }, defaults: { reportPeriod: '2026-09' } },
      columns,
    );
    expect(saved.defaults).toEqual({});
    const older = { headers: saved.headers, defaults: { reportPeriod: '2026-09' } };
    expect(applySavedMapping(columns, older, REPORT_SET).mapping).toEqual({
      columns: { A: 'name', B: 'monthAmountWan' },
      defaults: {},
    });
  });

  it('refuses project fields and project defaults in a report mapping, and a period default that is not a month', () => {
    const problems = checkMapping(
      { columns: { A: 'name', B: 'totalInvestmentWan' }, defaults: { stage: '在建', reportPeriod: '十月' } },
      cols('项目名称', '总投资'),
      REPORT_SET,
    );
    expect(problems.map((p) => p.code).sort()).toEqual(['BAD_DEFAULT', 'BAD_DEFAULT', 'UNKNOWN_FIELD']);
  });
});

describe('the period in a sheet title', () => {
  it.each([
    ['兰溪市2026年10月重点项目进展情况表', '2026-10'],
    ['2026年3月固投月报', '2026-03'],
    ['兰江街道2026年1-10月项目推进情况', '2026-10'],
    ['２０２６年９月份重点项目', '2026-09'],
    ['2026年度重点项目台账', null],
    ['重点项目进展情况表', null],
    [null, null],
  ])('%s → %s', (title, period) => {
    expect(periodInTitle(title)).toBe(period);
  });
});

describe('report cells', () => {
  it.each<[LedgerField, CellValue, unknown]>([
    ['reportPeriod', '2026年3月', '2026-03'],
    ['reportPeriod', '2026-03', '2026-03'],
    ['reportPeriod', '2026.10', '2026-10'],
    ['reportPeriod', 202603, '2026-03'],
    ['reportPeriod', new Date(Date.UTC(2026, 2, 1)), '2026-03'],
    ['reportMonth', 3, 3],
    ['reportMonth', '3月', 3],
    ['reportMonth', '03', 3],
    ['reportMonth', '2026年3月', '2026-03'],
    ['reportYear', 2026, 2026],
    ['reportYear', '2026', 2026],
    ['monthAmountWan', '1250.5', 12_505_000],
    ['monthAmountWan', '0.12亿', 12_000_000],
    ['progressText', ' 主体结构封顶 ', '主体结构封顶'],
  ])('%s %j → %j', (field, value, expected) => {
    expect(parse(field, value)).toEqual({ ok: true, value: expected });
  });

  it.each<[LedgerField, CellValue, string]>([
    ['reportMonth', 13, '月份 13 不存在'],
    ['reportMonth', '十月', '“十月”不是月份'],
    ['reportYear', 1999, '超出范围'],
    ['reportYear', '2026.5', '“2026.5”不是整数'],
    ['reportPeriod', '2026', '缺少月份'],
    ['reportPeriod', 'abc', '“abc”不是年月'],
    ['monthAmountWan', -5, '金额不能为负'],
    ['monthAmountWan', 'abc', '“abc”不是金额'],
    // The API's limit (domain/reports/report-fields.ts), no longer the 500 imports once had.
    ['problems', '问'.repeat(2001), '超过 2000 个字'],
  ])('%s %j is refused: %s', (field, value, message) => {
    const r = parse(field, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('shows a period as a person writes it', () => {
    expect(formatFieldValue('reportPeriod', '2026-03')).toBe('2026年3月');
  });
});
