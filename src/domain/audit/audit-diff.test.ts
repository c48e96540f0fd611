import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../lights/rules.ts';
import { auditDiff, auditDiffLines, formatAuditValue } from './audit-diff.ts';
import { auditFieldSpec } from './audit-fields.ts';

describe('auditDiff', () => {
  it('a light-rule change: every field of both sets, the changed one marked, labels with the dimension', () => {
    const after = {
      ...DEFAULT_RULE_SET,
      version: '2',
      progress: { ...DEFAULT_RULE_SET.progress, yellowFromPoints: 15 },
    };
    const rows = auditDiff('lightRules', DEFAULT_RULE_SET, after, 'zh-CN');
    expect(rows.find((r) => r.field === 'progress.yellowFromPoints')).toEqual({
      field: 'progress.yellowFromPoints',
      label: '投资进度 · 黄灯：落后序时进度 ≥',
      before: '10 个百分点',
      after: '15 个百分点',
      changed: true,
    });
    expect(rows.filter((r) => r.changed).map((r) => r.field)).toEqual(['version', 'progress.yellowFromPoints']);
    expect(rows.find((r) => r.field === 'report.lateIsYellow')).toMatchObject({
      before: '是',
      after: '是',
      changed: false,
    });
    expect(auditDiffLines(rows)).toEqual([
      '规则版本: 默认 → 2',
      '投资进度 · 黄灯：落后序时进度 ≥: 10 个百分点 → 15 个百分点',
    ]);
  });

  it.each([
    // objectType, before, after, locale, field, label, before text, after text
    [
      'project',
      { total_investment: 123_456_789 },
      { total_investment: 200_000_000 },
      'zh-CN',
      'total_investment',
      '总投资',
      '12,345.68 万元',
      '20,000.00 万元',
    ],
    [
      'project',
      { total_investment: 5 },
      { total_investment: 15_000 },
      'en',
      'total_investment',
      'Total investment',
      '0.00 (10k yuan)',
      '1.50 (10k yuan)',
    ],
    ['project', { stage: 'preparing' }, { stage: 'construction' }, 'zh-CN', 'stage', '阶段', '前期', '在建'],
    ['project', { nature: 'new' }, { nature: 'expansion' }, 'en', 'nature', 'Nature', 'New', 'Expansion'],
    ['project', { kind: 'industry' }, { kind: 'social' }, 'zh-CN', 'kind', '项目类型', '产业', '社会民生'],
    ['unit', { kind: 'township' }, { kind: 'street' }, 'zh-CN', 'kind', '类型', '乡镇', '街道'],
    [
      'project',
      { land_area_centimu: 12_050 },
      { land_area_centimu: null },
      'zh-CN',
      'land_area_centimu',
      '用地面积',
      '120.5 亩',
      null,
    ],
    [
      'report',
      { amount: 3_000_000, state: 'submitted' },
      { amount: 3_000_000, state: 'approved' },
      'zh-CN',
      'state',
      '状态',
      '已报送',
      '已审核',
    ],
    [
      'user',
      { role: 'unit_editor', isActive: true },
      { role: 'auditor', isActive: false },
      'zh-CN',
      'role',
      '角色',
      '填报员',
      '审计/纪委',
    ],
    ['user', { isActive: true }, { isActive: false }, 'en', 'isActive', 'Active', 'Yes', 'No'],
    ['race', null, { summaryYuan: 10_000 }, 'zh-CN', 'summaryYuan', 'summaryYuan', null, '1.00 万元'],
  ] as const)('%s %j → %j in %s: %s reads %s: %s → %s', (type, before, after, locale, field, label, b, a) => {
    const row = auditDiff(type, before, after, locale).find((r) => r.field === field);
    expect(row).toEqual({ field, label, before: b, after: a, changed: true });
  });

  it('a created object has no before, a deleted one no after: every field changed', () => {
    const created = auditDiff('unit', null, { name: '发改局', kind: 'department' }, 'zh-CN');
    expect(created).toEqual([
      { field: 'name', label: '名称', before: null, after: '发改局', changed: true },
      { field: 'kind', label: '类型', before: null, after: '部门', changed: true },
    ]);
    expect(auditDiff('unit', { name: '发改局' }, null, 'zh-CN')[0]).toMatchObject({ after: null, changed: true });
    expect(auditDiff('token', null, null, 'zh-CN')).toEqual([]);
  });

  it('keeps fields only the old state had, after the new state’s, and an unknown field under its own name', () => {
    const rows = auditDiff('settings', { a: 1, gone: 'x' }, { a: 1, fresh: true }, 'zh-CN');
    expect(rows.map((r) => [r.field, r.label, r.changed])).toEqual([
      ['a', 'a', false],
      ['fresh', 'fresh', true],
      ['gone', 'gone', true],
    ]);
  });

  it('a bare value (a statistic) is one field; arrays read as lists', () => {
    expect(auditDiff('indicatorValue', 12, 15, 'zh-CN')).toEqual([
      { field: 'value', label: '数值', before: '12', after: '15', changed: true },
    ]);
    expect(formatAuditValue(['甲', '乙'], undefined, 'zh-CN')).toBe('甲、乙');
    expect(formatAuditValue([{ k: 1 }], undefined, 'zh-CN')).toBe('[{"k":1}]');
    expect(formatAuditValue('x'.repeat(400), undefined, 'zh-CN')).toHaveLength(300);
  });

  it('looks a field up for its object type first, then among the common ones', () => {
    expect(auditFieldSpec('project', 'kind')?.label['zh-CN']).toBe('项目类型');
    expect(auditFieldSpec('unit', 'kind')?.label['zh-CN']).toBe('类型');
    expect(auditFieldSpec('project', 'toString')).toBeUndefined();
  });
});
