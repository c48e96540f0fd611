/**
 * The columns of a project ledger (台账) as county offices keep it, and how each cell becomes a field
 * value. One table drives import (header matching, parsing), templates and exports (canonical headers,
 * examples). Pure: no server, database or network.
 *
 * Money is read in the unit its header names (亿元, 万元 or 元; 万元 when it names none) and returned as
 * integer 元, converted by shifting decimal digits and then through money.ts, never by float multiplication.
 */
import { findIndustry } from '../industry/gbt4754.ts';
import { formatMoney } from '../money/money.ts';
import { ENUM_SOURCES, labelsOf } from './project-enums.ts';

/** A cell's value as a workbook or CSV reader hands it over (formulas already replaced by their result). */
export type CellValue = string | number | boolean | Date | null;

/**
 * What a parser returns: the stored value, or a message in Chinese for the person fixing the cell (and
 * in English, `en`, where the parser words one: a reader asking for English gets it, else the Chinese).
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; en?: string };

export type MoneyUnit = 'yuan' | 'wan' | 'yi';

/** What a parser knows beyond the cell: the unit the column's header names. */
export interface ParseContext {
  moneyUnit: MoneyUnit;
}

export type ColumnKind =
  | 'text'
  | 'code'
  | 'creditCode'
  | 'enum'
  | 'industry'
  | 'money'
  | 'date'
  | 'number'
  | 'tags'
  | 'unitName'
  | 'integer'
  | 'month'
  | 'yearMonth';

/** Fields an import can fill; the names follow the project API (src/contract/projects.ts). */
export type ProjectField =
  | 'code'
  | 'internalNo'
  | 'name'
  | 'stage'
  | 'nature'
  | 'kind'
  | 'industryCode'
  | 'level'
  | 'investmentType'
  | 'approvalMode'
  | 'leadUnit'
  | 'township'
  | 'ownerName'
  | 'ownerCreditCode'
  | 'patronLeader'
  | 'contact'
  | 'address'
  | 'longitude'
  | 'latitude'
  | 'landAreaMu'
  | 'totalInvestmentWan'
  | 'fixedAssetInvestmentWan'
  | 'annualPlanWan'
  | 'tags'
  | 'plannedSignDate'
  | 'actualSignDate'
  | 'plannedStartDate'
  | 'actualStartDate'
  | 'plannedCompletionDate'
  | 'actualCompletionDate'
  | 'plannedProductionDate'
  | 'actualProductionDate'
  | 'plannedCapacityDate'
  | 'actualCapacityDate';

/** Fields of a monthly-report ledger (report-columns.ts); code and name are the project's. */
export type ReportField =
  'reportPeriod' | 'reportYear' | 'reportMonth' | 'monthAmountWan' | 'progressText' | 'problems';

/** Fields of an enterprise ledger (enterprise-columns.ts) beyond those it shares with projects. */
export type EnterpriseLedgerField =
  'enterpriseName' | 'creditCode' | 'scale' | 'contactName' | 'contactPhone' | 'flags';

/** Fields of a deal ledger (招商台账, deal-columns.ts) beyond those it shares with projects and enterprises. */
export type DealLedgerField =
  | 'investorName'
  | 'investorListing'
  | 'investorHqRegion'
  | 'sourceRegion'
  | 'chain'
  | 'chainLink'
  | 'dealKind'
  | 'intendedInvestmentWan'
  | 'dealTeam'
  | 'dealStage'
  | 'signedOn'
  | 'signedAmountWan'
  | 'dealNote';

/** Any field an import can fill, of any kind of ledger. */
export type LedgerField = ProjectField | ReportField | EnterpriseLedgerField | DealLedgerField;

export interface ProjectColumn {
  field: LedgerField;
  /** The canonical Chinese header, as a template or export writes it. */
  header: string;
  /** Other headers seen in real ledgers, compared after normalisation (see normaliseHeader). */
  variants: string[];
  /** Whether a new project needs it (an update by project code may leave it out). */
  required: boolean;
  /** A typical cell, for templates and help. */
  example: string;
  /** For enumerated fields, the labels people type, canonical first per value. */
  enumLabels?: string[];
  kind: ColumnKind;
  /** Short Chinese description of what the cell may hold, used in error messages. */
  hint: string;
}

export const col = (c: Omit<ProjectColumn, 'required'> & { required?: boolean }): ProjectColumn => ({
  required: false,
  ...c,
});
const enumCol = (field: ProjectField, header: string, variants: string[], example: string, required = false) =>
  col({
    field,
    header,
    variants,
    example,
    required,
    kind: 'enum',
    enumLabels: labelsOf(field),
    hint: `应为 ${labelsOf(field).join('、')} 之一`,
  });
const dateCol = (field: ProjectField, header: string, variants: string[], example: string) =>
  col({ field, header, variants, example, kind: 'date', hint: '应为日期，如 2024-03-15、2024年3月 或 2024.3' });

/**
 * Every column Lantern reads or writes, in the order a template lays them out. The first match wins
 * when a header could fit two columns, so more specific variants come first within the list.
 */
export const PROJECT_COLUMNS: readonly ProjectColumn[] = [
  col({
    field: 'code',
    header: '项目代码',
    variants: ['统一项目代码', '全国统一项目代码', '项目统一代码', '赋码', '项目编码', '代码'],
    example: '2403-330781-04-01-123456',
    kind: 'code',
    hint: '应为 24 位统一项目代码，如 2403-330781-04-01-123456',
  }),
  col({
    field: 'internalNo',
    header: '内部编号',
    variants: ['序号编号', '项目编号', '台账编号', '本地编号'],
    example: 'LX-2024-001',
    kind: 'text',
    hint: '最多 40 个字',
  }),
  col({
    field: 'name',
    header: '项目名称',
    variants: ['名称', '项目', '项目全称', '建设项目名称'],
    example: '兰溪市年产 5 万吨光膜新材料项目',
    required: true,
    kind: 'text',
    hint: '2 至 120 个字',
  }),
  enumCol('stage', '项目阶段', ['阶段', '建设阶段', '项目状态', '状态', '进展阶段', '建设状态'], '在建', true),
  enumCol('nature', '建设性质', ['性质', '项目性质'], '新建', true),
  enumCol('kind', '项目类别', ['类别', '项目类型', '类型', '项目分类'], '产业', true),
  col({
    field: 'industryCode',
    header: '国民经济行业',
    variants: ['行业', '所属行业', '行业分类', '行业代码', '国民经济行业分类', '行业类别'],
    example: 'C17 纺织业',
    required: true,
    kind: 'industry',
    hint: '应为 GB/T 4754 行业大类，如 C17、17 或 纺织业',
  }),
  enumCol('level', '项目级别', ['级别', '重点级别', '项目层级', '层级'], '市重点'),
  enumCol('investmentType', '投资类型', ['投资主体类型', '投资性质', '资金性质', '政府或企业投资'], '企业投资', true),
  enumCol('approvalMode', '审批方式', ['审批类型', '立项方式', '审批核准备案', '管理方式'], '备案', true),
  col({
    field: 'leadUnit',
    header: '责任单位',
    variants: ['牵头单位', '主管单位', '牵头部门', '责任部门', '填报单位'],
    example: '经济开发区',
    kind: 'unitName',
    hint: '应为本单位或下级单位的名称',
  }),
  col({
    field: 'township',
    header: '所在乡镇',
    variants: ['乡镇', '乡镇（街道）', '所在乡镇（街道）', '乡镇街道', '所在地', '建设地点乡镇'],
    example: '女埠街道',
    kind: 'unitName',
    hint: '应为乡镇或街道的名称',
  }),
  col({
    field: 'ownerName',
    header: '项目业主',
    variants: ['业主单位', '建设单位', '项目单位', '业主', '实施主体', '项目法人'],
    example: '浙江某某新材料有限公司',
    kind: 'text',
    hint: '最多 120 个字',
  }),
  col({
    field: 'ownerCreditCode',
    header: '统一社会信用代码',
    variants: ['信用代码', '业主统一社会信用代码', '社会信用代码'],
    example: '91330781MA2ABCDE1X',
    kind: 'creditCode',
    hint: '应为 18 位统一社会信用代码',
  }),
  col({
    field: 'patronLeader',
    header: '联系领导',
    variants: ['包联领导', '联系县领导', '挂联领导', '责任领导'],
    example: '张三',
    kind: 'text',
    hint: '最多 60 个字',
  }),
  col({
    field: 'contact',
    header: '联系人及电话',
    variants: ['联系人', '联系方式', '联系电话', '项目联系人'],
    example: '李四 13800000000',
    kind: 'text',
    hint: '最多 120 个字',
  }),
  col({
    field: 'address',
    header: '建设地点',
    variants: ['地址', '项目地址', '建设地址', '项目地点'],
    example: '兰溪市女埠街道工业园区',
    kind: 'text',
    hint: '最多 200 个字',
  }),
  col({
    field: 'longitude',
    header: '经度',
    variants: ['东经'],
    example: '119.46',
    kind: 'number',
    hint: '应为 73 至 136 之间的数',
  }),
  col({
    field: 'latitude',
    header: '纬度',
    variants: ['北纬'],
    example: '29.21',
    kind: 'number',
    hint: '应为 3 至 54 之间的数',
  }),
  col({
    field: 'landAreaMu',
    header: '用地面积（亩）',
    variants: ['用地面积', '用地', '占地面积', '用地规模', '新增用地'],
    example: '120.5',
    kind: 'number',
    hint: '应为以亩计的非负数',
  }),
  col({
    field: 'fixedAssetInvestmentWan',
    header: '其中固定资产投资（万元）',
    variants: ['固定资产投资', '其中固定资产投资', '固投', '其中固投'],
    example: '42000',
    kind: 'money',
    hint: '应为金额',
  }),
  col({
    field: 'annualPlanWan',
    header: '年度计划投资（万元）',
    variants: ['年度计划投资', '本年计划投资', '当年计划投资', '年度计划', '计划投资'],
    example: '12000',
    kind: 'money',
    hint: '应为金额',
  }),
  col({
    field: 'totalInvestmentWan',
    header: '总投资（万元）',
    variants: ['总投资', '项目总投资', '计划总投资', '估算总投资', '投资总额'],
    example: '50000',
    required: true,
    kind: 'money',
    hint: '应为大于 0 的金额',
  }),
  col({
    field: 'tags',
    header: '标签',
    variants: ['项目标签', '关键词'],
    example: '纺织、新材料',
    kind: 'tags',
    hint: '以顿号或逗号分隔',
  }),
  dateCol('plannedSignDate', '计划签约时间', ['计划签约日期', '拟签约时间', '签约计划'], '2024-01'),
  dateCol('actualSignDate', '实际签约时间', ['签约时间', '签约日期', '实际签约日期'], '2024-01-15'),
  dateCol('plannedStartDate', '计划开工时间', ['计划开工日期', '拟开工时间', '计划开工', '开工计划'], '2024-03'),
  dateCol('actualStartDate', '实际开工时间', ['开工时间', '开工日期', '实际开工日期', '实际开工'], '2024-03-15'),
  dateCol(
    'plannedCompletionDate',
    '计划竣工时间',
    ['计划竣工日期', '拟竣工时间', '计划竣工', '计划完工时间'],
    '2025-12',
  ),
  dateCol('actualCompletionDate', '实际竣工时间', ['竣工时间', '竣工日期', '实际竣工日期', '实际完工时间'], ''),
  dateCol('plannedProductionDate', '计划投产时间', ['计划投产日期', '拟投产时间', '计划投产'], '2026-03'),
  dateCol('actualProductionDate', '实际投产时间', ['投产时间', '投产日期', '实际投产日期'], ''),
  dateCol('plannedCapacityDate', '计划达产时间', ['计划达产日期', '计划达产'], '2026-12'),
  dateCol('actualCapacityDate', '实际达产时间', ['达产时间', '达产日期', '实际达产日期'], ''),
];

/** Every column of every ledger by field (report ledgers add theirs: registerColumns in report-columns.ts). */
export const COLUMN_BY_FIELD: Map<LedgerField, ProjectColumn> = new Map(PROJECT_COLUMNS.map((c) => [c.field, c]));

/** Adds a ledger's own columns to COLUMN_BY_FIELD; field names are unique across ledgers. */
export function registerColumns(columns: readonly ProjectColumn[]): void {
  for (const c of columns) COLUMN_BY_FIELD.set(c.field, c);
}

/** The column of a field; throws on a name that is not one (a programming error). */
export function columnOf(field: LedgerField): ProjectColumn {
  const c = COLUMN_BY_FIELD.get(field);
  if (!c) throw new Error(`unknown project column ${field}`);
  return c;
}

/** A stored value as a person reads it: 元 as 万元/亿元, enum identifiers as their labels, tags joined. */
export function formatFieldValue(field: LedgerField, value: FieldValue): string {
  if (value === null || value === undefined) return '';
  const column = COLUMN_BY_FIELD.get(field);
  if (column?.kind === 'money' && typeof value === 'number') return formatMoney(value);
  if (column?.kind === 'enum' && typeof value === 'string')
    return ENUM_SOURCES[field]?.labels[value]?.['zh-CN'] ?? value;
  if (column?.kind === 'yearMonth' && typeof value === 'string')
    return `${value.slice(0, 4)}年${Number(value.slice(5, 7))}月`;
  if (column?.kind === 'industry' && typeof value === 'string') {
    const m = findIndustry(value);
    return m ? `${m.section}${m.code} ${m.name}` : value;
  }
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

export {
  toHalfWidth,
  namedMoneyUnit,
  moneyUnitOf,
  cellText,
  isBlank,
  parseMoney,
  shiftDecimal,
  parseIndustry,
  parseCell,
  STAGE_CHOICES,
} from './cell-parsers.ts';
export type { FieldValue } from './cell-parsers.ts';
import type { FieldValue } from './cell-parsers.ts';
