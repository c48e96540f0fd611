import { describe, expect, it } from 'vitest';
import {
  columnOf,
  moneyUnitOf,
  parseCell,
  parseMoney,
  PROJECT_COLUMNS,
  shiftDecimal,
  type CellValue,
  type ProjectField,
} from './project-columns.ts';

describe('project columns', () => {
  it('gives every column a canonical header, an example and distinct names', () => {
    const headers = PROJECT_COLUMNS.flatMap((c) => [c.header, ...c.variants]);
    expect(new Set(PROJECT_COLUMNS.map((c) => c.field)).size).toBe(PROJECT_COLUMNS.length);
    expect(new Set(headers).size).toBe(headers.length);
    expect(columnOf('totalInvestmentWan')).toMatchObject({ header: '总投资（万元）', required: true });
    expect(columnOf('stage').enumLabels).toEqual([
      '谋划',
      '储备',
      '前期',
      '在建',
      '竣工',
      '投产',
      '达产',
      '停缓建',
      '退库',
    ]);
  });

  it.each([
    ['总投资（亿元）', 'yi'],
    ['总投资(万元)', 'wan'],
    ['总投资（元）', 'yuan'],
    ['总投资', 'wan'],
  ])('reads the unit of %s as %s', (header, unit) => {
    expect(moneyUnitOf(header)).toBe(unit);
  });

  it.each([
    ['1.25', 4, '12500'],
    ['500', -4, '0.05'],
    ['0.00012345', 4, '1.2345'],
    ['-3.5', 4, '-35000'],
    ['12', 0, '12'],
  ])('shifts %s by %i places to %s', (text, places, out) => {
    expect(shiftDecimal(text, places)).toBe(out);
  });

  it.each([
    ['万元 as a number', 1234.5, 'wan', 12_345_000],
    ['亿元 as a number', 1.5, 'yi', 150_000_000],
    ['亿元 with float noise', 0.1 + 0.2, 'yi', 30_000_000],
    ['亿元 to the 元', '1.23456789', 'yi', 123_456_789],
    ['元', '15000', 'yuan', 15_000],
    ['thousands separators', '1,234.5', 'wan', 12_345_000],
    ['a unit typed in the cell wins', '1.2亿', 'wan', 120_000_000],
    ['万元 typed in the cell', '3000万元', 'yi', 30_000_000],
    ['full-width digits', '１２００', 'wan', 12_000_000],
  ])('reads money: %s', (_what, input, unit, yuan) => {
    expect(parseMoney(input as CellValue, unit as 'wan')).toEqual({ ok: true, value: yuan });
  });

  it.each([
    ['words', '约三千万', 'wan', '不是金额'],
    ['a negative amount', '-5', 'wan', '不能为负'],
    ['below one 元 in 亿元', '1.234567891', 'yi', '精确到元'],
    ['too much', '20000', 'yi', '过大'],
  ])('refuses money: %s', (_what, input, unit, message) => {
    const r = parseMoney(input, unit as 'wan');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it.each([
    ['stage', '在建', 'construction'],
    ['stage', '停建', 'suspended'],
    ['stage', 'construction', 'construction'],
    ['nature', '技术改造', 'techUpgrade'],
    ['kind', '基础设施', 'infrastructure'],
    ['level', '省重点', 'provincial'],
    ['investmentType', '企业投资', 'enterprise'],
    ['approvalMode', '备案', 'filing'],
    ['industryCode', 'C17', '17'],
    ['industryCode', 'C17 纺织业', '17'],
    ['industryCode', '纺织业', '17'],
    ['industryCode', 7, '07'],
    ['code', '２４０３－330781－04－01－123456', '2403-330781-04-01-123456'],
    ['ownerCreditCode', '91330781ma2e123456', '91330781MA2E123456'],
    ['landAreaMu', '85.5亩', 85.5],
    ['tags', '纺织、新材料，纺织', ['纺织', '新材料']],
    ['plannedStartDate', '2026年3月', '2026-03-01'],
    ['name', '  兰溪纺织项目 ', '兰溪纺织项目'],
    ['name', '-', null],
  ] as [ProjectField, CellValue, unknown][])('parses %s %j', (field, input, value) => {
    expect(parseCell(columnOf(field), input)).toEqual({ ok: true, value });
  });

  it.each([
    ['stage', '在干', '应为 谋划、储备、前期、在建、竣工、投产、达产、停缓建、退库 之一'],
    ['industryCode', 'A17', '不是国民经济行业大类代码'],
    ['industryCode', '纺织', '不是国民经济行业大类'],
    ['code', '2403-330781-04-01', '不是 24 位统一项目代码'],
    ['code', '2413-330781-04-01-123456', '赋码月份'],
    ['ownerCreditCode', '123', '不是 18 位统一社会信用代码'],
    ['longitude', 200, '超出范围'],
    ['name', '项', '至少 2 个字'],
  ] as [ProjectField, CellValue, string][])('refuses %s %j', (field, input, message) => {
    const r = parseCell(columnOf(field), input);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });
});

describe('text cells follow the API’s text rule (src/domain/text)', () => {
  it.each([
    ['name', '兰江\u0000工程', { error: '含有不允许的控制字符' }],
    ['name', '兰江\ud800工程', { error: '含有无效的字符编码' }],
    ['name', '兰江\u202e工程', { value: '兰江工程' }],
    ['address', '兰江街道\n光明路 8 号', { value: '兰江街道\n光明路 8 号' }],
  ] as [ProjectField, string, { error?: string; value?: string }][])('%s %j → %j', (field, cell, expected) => {
    const parsed = parseCell(columnOf(field), cell);
    if (expected.error) expect(parsed).toMatchObject({ ok: false, message: expected.error });
    else expect(parsed).toMatchObject({ ok: true, value: expected.value });
  });
});
