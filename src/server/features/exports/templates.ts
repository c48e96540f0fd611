import { INDUSTRY_DIVISIONS } from '../../../domain/industry/gbt4754.ts';
import { DEAL_COLUMNS } from '../../../domain/exchange/deal-columns.ts';
import { ENTERPRISE_COLUMNS } from '../../../domain/exchange/enterprise-columns.ts';
import { PROJECT_COLUMNS, type LedgerField, type ProjectColumn } from '../../../domain/exchange/project-columns.ts';
import type { TemplateColumn } from './template-workbook.ts';
import { REPORT_TEXT_FIELDS } from '../../../domain/reports/report-fields.ts';

/** GB/T 4754 divisions as the drop-down offers them, in a form the import reads: 'C17 纺织业'. */
export const INDUSTRY_CHOICES: readonly string[] = INDUSTRY_DIVISIONS.map((d) => `${d.section}${d.code} ${d.name}`);

/** Names of units a person may pick, looked up by the service for the one asking. */
export interface UnitChoices {
  /** Units the person may create projects for (责任单位). */
  leadUnits: string[];
  /** Townships and streets (所在乡镇). */
  townships: string[];
}

function templateColumn(c: ProjectColumn, units: UnitChoices): TemplateColumn {
  const base = { header: c.header, required: c.required, hint: c.hint, example: c.example };
  switch (c.kind) {
    case 'enum':
      return { ...base, kind: 'list', choices: { values: c.enumLabels ?? [], strict: true } };
    case 'industry':
      return { ...base, kind: 'list', choices: { values: INDUSTRY_CHOICES, strict: false } };
    case 'unitName': {
      const values = c.field === 'township' ? units.townships : units.leadUnits;
      return {
        ...base,
        kind: values.length ? 'list' : 'text',
        choices: values.length ? { values, strict: false } : undefined,
      };
    }
    case 'money':
      return { ...base, kind: 'money' };
    case 'date':
      return { ...base, kind: 'date' };
    case 'number':
      return { ...base, kind: 'number' };
    case 'integer':
    case 'month':
      return { ...base, kind: 'integer' };
    case 'yearMonth':
      return { ...base, kind: 'text' };
    case 'text':
    case 'code':
    case 'creditCode':
    case 'tags':
      return { ...base, kind: 'text' };
  }
}

/**
 * The project template: exactly the import's columns (PROJECT_COLUMNS, headers as the import
 * matches them), enumerations offered by their Chinese labels, industries as GB/T 4754 divisions,
 * and the asking person's units.
 */
export function projectTemplateColumns(units: UnitChoices): TemplateColumn[] {
  return PROJECT_COLUMNS.map((c) => templateColumn(c, units));
}

export const PROJECT_TEMPLATE_NOTES = [
  '说明：',
  '1. 第 1 行为列名，请勿修改；标红的列为必填。第 2 行为示例（灰色斜体），导入前请删除或改写。',
  '2. 金额以万元为单位，最多 4 位小数；日期填 2026-03-15，计划日期也可只填年月（2026-03 或 2026年3月）。',
  '3. 项目阶段、建设性质、项目类别、项目级别、投资类型、审批方式请从下拉列表中选择。',
  '4. 国民经济行业按 GB/T 4754-2017 大类填写，可选下拉项，也可只填代码（C17 或 17）。',
  '5. 已有项目代码的项目按代码更新，其余按新项目导入。',
];

/** The monthly-report template: the project by code or name, the month, and what the report says. */
export function reportTemplateColumns(year: number, lastMonth: number): TemplateColumn[] {
  return [
    {
      header: '项目代码',
      required: false,
      kind: 'text',
      hint: '24 位统一项目代码；与项目名称至少填一项，有代码时按代码匹配',
      example: '2403-330781-04-01-123456',
    },
    {
      header: '项目名称',
      required: false,
      kind: 'text',
      hint: '项目库中的项目全称；没有项目代码时按名称匹配',
      example: '兰溪市年产 5 万吨光膜新材料项目',
    },
    {
      header: '年度',
      required: true,
      kind: 'integer',
      range: [2000, 2100],
      hint: '四位年份，如 2026',
      example: String(year),
    },
    { header: '月份', required: true, kind: 'integer', range: [1, 12], hint: '1 至 12', example: String(lastMonth) },
    {
      header: '本月完成投资（万元）',
      required: true,
      kind: 'money',
      hint: '本月完成的固定资产投资，以万元为单位，最多 4 位小数',
      example: '1250.5',
    },
    {
      header: '形象进度',
      required: false,
      kind: 'text',
      hint: `本月工程形象进度，最多 ${REPORT_TEXT_FIELDS.progressText.maxLength} 个字`,
      example: '主体结构施工至第三层',
    },
    {
      header: '存在问题',
      required: false,
      kind: 'text',
      hint: `需要协调解决的问题，最多 ${REPORT_TEXT_FIELDS.problems.maxLength} 个字`,
      example: '用电增容审批尚未办结',
    },
  ];
}

export const REPORT_TEMPLATE_NOTES = [
  '说明：',
  '1. 第 1 行为列名，请勿修改；标红的列为必填。第 2 行为示例（灰色斜体），导入前请删除或改写。',
  '2. 每个项目每月一行；项目代码和项目名称至少填一项。',
  '3. 本月完成投资以万元为单位；累计数由系统根据已审核的月报自动计算，无需填写。',
];

/**
 * The enterprise template: exactly the enterprise import's columns, 规模 as a drop-down, trades as
 * GB/T 4754 divisions, 所在乡镇 the townships, streets and platforms the person may register in.
 */
export function enterpriseTemplateColumns(townships: string[]): TemplateColumn[] {
  return ENTERPRISE_COLUMNS.map((c) => templateColumn(c, { leadUnits: [], townships }));
}

export const ENTERPRISE_TEMPLATE_NOTES = [
  '说明：',
  '1. 第 1 行为列名，请勿修改；标红的列为必填。第 2 行为示例（灰色斜体），导入前请删除或改写。',
  '2. 每家企业一行；已登记的企业按统一社会信用代码更新，没有代码的按企业名称（须完全一致）更新，其余登记为新企业。',
  '3. 统一社会信用代码按校验位核对；同一代码在表中只能出现一次。',
  '4. 规模填“规上”或“规下”；行业按 GB/T 4754-2017 大类填写，可选下拉项，也可只填代码（C17 或 17）。',
  '5. 标识可填 专精特新、小巨人、高新技术企业、上市、拟上市，多个以顿号分隔；“上市”和“拟上市”不能同时填写。',
];

/** What the deal template offers as drop-downs: the county's 招商 lists, and the asking person's units and teams. */
export interface DealChoices {
  sourceRegions: string[];
  chains: string[];
  /** Every chain's links (a cell's link is checked against its row's chain on import). */
  links: string[];
  kinds: string[];
  /** Units the person may lead deals from (牵头单位). */
  leadUnits: string[];
  teams: string[];
}

/**
 * The deal template: exactly the deal import's columns (DEAL_COLUMNS), the county's source regions, chains,
 * kinds, the stages and listings as drop-downs (strict: the import takes nothing else), links, lead units and
 * teams offered but not enforced (a link belongs to its row's chain, which one list cannot follow).
 */
export function dealTemplateColumns(c: DealChoices): TemplateColumn[] {
  const lists: Partial<Record<LedgerField, { values: readonly string[]; strict: boolean }>> = {
    sourceRegion: { values: c.sourceRegions, strict: true },
    chain: { values: c.chains, strict: true },
    chainLink: { values: c.links, strict: false },
    dealKind: { values: c.kinds, strict: true },
    dealTeam: { values: c.teams, strict: false },
  };
  return DEAL_COLUMNS.map((col) => {
    const base = templateColumn(col, { leadUnits: c.leadUnits, townships: [] });
    const choices = col.enumLabels ? { values: col.enumLabels, strict: true } : lists[col.field];
    return choices?.values.length ? { ...base, kind: 'list', choices } : base;
  });
}

export const DEAL_TEMPLATE_NOTES = [
  '说明：',
  '1. 第 1 行为列名，请勿修改；标红的列为必填。第 2 行为示例（灰色斜体），导入前请删除或改写。',
  '2. 每个招商项目一行；同一牵头单位下项目名称和投资方都相同的，按已登记的项目更新其信息（不改变阶段），其余新增。',
  '3. 来源地区、产业链、环节、项目类别按本县招商设置填写，可选下拉项；环节须属于所填的产业链。',
  '4. 金额默认以万元为单位；表头写明“亿元”（如“意向投资额（亿元）”）时按亿元读。',
  '5. 阶段不填为线索；签约的项目须填写投资方、签约日期（不晚于今天）和签约金额；搁置、终止的项目须在备注中填写原因。',
  '6. 落地须先将签约项目转入项目库，导入最多登记到签约。',
];
