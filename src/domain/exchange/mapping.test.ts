import { describe, expect, it } from 'vitest';
import type { HeaderColumn } from './header-detect.ts';
import {
  applySavedMapping,
  checkMapping,
  matchHeader,
  missingForCreate,
  normaliseHeader,
  proposeMapping,
  toSavedMapping,
} from './mapping.ts';

const cols = (...headers: string[]): HeaderColumn[] =>
  headers.map((header, index) => ({ index, letter: String.fromCharCode(65 + index), header, group: null }));

describe('header matching', () => {
  it.each([
    ['项目名称', 'name'],
    ['名称', 'name'],
    [' 项目\n名称 *', 'name'],
    ['总投资(万元)', 'totalInvestmentWan'],
    ['总投资（亿元）', 'totalInvestmentWan'],
    ['项目总投资（万元）', 'totalInvestmentWan'],
    ['其中：固定资产投资', 'fixedAssetInvestmentWan'],
    ['2026年计划投资（万元）', 'annualPlanWan'],
    ['计划开工日期', 'plannedStartDate'],
    ['计划开工年月', 'plannedStartDate'],
    ['开工时间', 'actualStartDate'],
    ['统一项目代码', 'code'],
    ['建设性质', 'nature'],
    ['项目状态', 'stage'],
    ['所在乡镇（街道）', 'township'],
    ['序号', null],
    ['建设内容及规模', null],
  ])('%s → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('normalises brackets, marks, spaces and a leading year', () => {
    expect(normaliseHeader('2026年度 计划投资【万元】*')).toBe('计划投资');
  });
});

describe('mappings', () => {
  it('proposes each field once, leftmost first', () => {
    expect(proposeMapping(cols('序号', '项目名称', '总投资', '名称'))).toEqual({
      A: null,
      B: 'name',
      C: 'totalInvestmentWan',
      D: null,
    });
  });

  it('reuses a saved mapping by header text even when the columns moved', () => {
    const first = cols('项目名称', '备注', '总投资');
    const saved = toSavedMapping(
      { columns: { A: 'name', B: 'contact', C: 'totalInvestmentWan' }, defaults: { nature: 'new' } },
      first,
    );
    const moved = cols('总投资', '项目名称', '备注', '阶段');
    expect(applySavedMapping(moved, saved)).toEqual({
      mapping: {
        columns: { A: 'totalInvestmentWan', B: 'name', C: 'contact', D: 'stage' },
        defaults: { nature: 'new' },
      },
      usedSaved: true,
    });
  });

  it('leaves a column unmapped when the saved mapping unmapped it', () => {
    const saved = toSavedMapping({ columns: { B: 'name' }, defaults: {} }, cols('名称', '项目名称'));
    expect(applySavedMapping(cols('名称', '项目名称'), saved).mapping.columns).toEqual({ B: 'name' });
  });

  it.each([
    [
      'two columns on one field',
      { A: 'name', B: 'name' },
      {},
      [{ code: 'DUPLICATE_FIELD', field: 'name', letters: ['A', 'B'] }],
    ],
    ['a column not in the sheet', { A: 'name', Z: 'code' }, {}, [{ code: 'UNKNOWN_COLUMN', letter: 'Z' }]],
    ['neither name nor code', { B: 'totalInvestmentWan' }, {}, [{ code: 'NO_NAME_OR_CODE' }]],
    [
      'a default that is no stage',
      { A: 'name' },
      { stage: '在干' },
      [expect.objectContaining({ code: 'BAD_DEFAULT', field: 'stage' })],
    ],
  ])('refuses %s', (_what, columns, defaults, problems) => {
    expect(checkMapping({ columns: columns as never, defaults }, cols('名称', '总投资'))).toEqual(problems);
  });

  it('lists required fields neither mapped nor defaulted', () => {
    expect(
      missingForCreate({ columns: { A: 'name', B: 'totalInvestmentWan' }, defaults: { nature: '新建', kind: '产业' } }),
    ).toEqual(['industryCode', 'investmentType', 'approvalMode']);
  });
});
