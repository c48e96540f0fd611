/**
 * The fields audit events store in their before/after, with the reader's words for them and how their
 * values read: money (integer 元) in 万元, enumerations through the domain's labels, yes/no. Fields are
 * looked up per object type first (a project's `kind` is not a unit's), then in the common table.
 */
import { STAGE_LABELS } from '../projects/lifecycle.ts';
import {
  APPROVAL_MODE_LABELS,
  INVESTMENT_TYPE_LABELS,
  LEVEL_LABELS,
  NATURE_LABELS,
  PROJECT_KIND_LABELS,
} from '../projects/project-fields.ts';
import { REPORT_STATE_LABELS } from '../reports/report-rules.ts';
import {
  ENTERPRISE_FLAG_LABELS,
  ENTERPRISE_LABELS,
  ENTERPRISE_SCALE_LABELS,
  LICENCE_TYPE_LABELS,
} from '../enterprises/enterprise-fields.ts';
import type { AuditLocale, AuditObjectType } from './audit-labels.ts';

type Label = Record<AuditLocale, string>;

/** How one stored field reads. */
export interface AuditFieldSpec {
  label: Label;
  /** `money`: integer 元 shown in 万元; `centimu`: hundredths of a 亩; `percent`, `points`, `days`, `months`: a unit after the number. */
  format?: 'money' | 'boolean' | 'centimu' | 'percent' | 'points' | 'days' | 'months';
  /** Labels of an enumeration's stored values. */
  values?: Record<string, Label>;
}

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, en });
const money = (zh: string, en: string): AuditFieldSpec => ({ label: l(zh, en), format: 'money' });
const yesNo = (zh: string, en: string): AuditFieldSpec => ({ label: l(zh, en), format: 'boolean' });
const plain = (zh: string, en: string): AuditFieldSpec => ({ label: l(zh, en) });
const enumOf = (zh: string, en: string, values: Record<string, Label>): AuditFieldSpec => ({
  label: l(zh, en),
  values,
});
const withUnit = (format: AuditFieldSpec['format'], zh: string, en: string): AuditFieldSpec => ({
  label: l(zh, en),
  format,
});

const ROLE_LABELS: Record<string, Label> = {
  admin: l('系统管理员', 'Administrator'),
  coordinator: l('项目办', 'Coordinator'),
  unit_editor: l('填报员', 'Unit editor'),
  leader: l('领导', 'Leader'),
  enterprise: l('企业', 'Enterprise'),
  auditor: l('审计/纪委', 'Auditor'),
};

const UNIT_KIND_LABELS: Record<string, Label> = {
  county: l('县（市、区）', 'County'),
  street: l('街道', 'Street'),
  township: l('乡镇', 'Township'),
  department: l('部门', 'Department'),
  platform: l('平台', 'Platform'),
  village: l('村（社区）', 'Village'),
  other: l('其他', 'Other'),
};

const MILESTONE_DATES: Record<string, AuditFieldSpec> = Object.fromEntries(
  (
    [
      ['sign', '签约', 'signing'],
      ['start', '开工', 'start'],
      ['completion', '竣工', 'completion'],
      ['production', '投产', 'production'],
      ['capacity', '达产', 'capacity'],
    ] as const
  ).flatMap(([key, zh, en]) => [
    [`planned_${key}_date`, plain(`计划${zh}日期`, `Planned ${en} date`)],
    [`actual_${key}_date`, plain(`实际${zh}日期`, `Actual ${en} date`)],
  ]),
);

const PROJECT_FIELDS: Record<string, AuditFieldSpec> = {
  code: plain('项目代码', 'Project code'),
  internal_no: plain('内部编号', 'Internal number'),
  name: plain('项目名称', 'Project name'),
  nature: enumOf('建设性质', 'Nature', NATURE_LABELS),
  kind: enumOf('项目类型', 'Kind', PROJECT_KIND_LABELS),
  industry_code: plain('行业代码', 'Industry code'),
  industry_section: plain('行业门类', 'Industry section'),
  level: enumOf('项目级别', 'Level', LEVEL_LABELS),
  investment_type: enumOf('投资类型', 'Investment type', INVESTMENT_TYPE_LABELS),
  approval_mode: enumOf('审批方式', 'Approval mode', APPROVAL_MODE_LABELS),
  lead_unit_id: plain('责任单位', 'Lead unit'),
  township_unit_id: plain('所在乡镇', 'Township'),
  owner_name: plain('业主单位', 'Owner'),
  owner_credit_code: plain('统一社会信用代码', 'Credit code'),
  patron_leader: plain('联系领导', 'Patron leader'),
  contact: plain('联系人', 'Contact'),
  address: plain('建设地点', 'Address'),
  longitude: plain('经度', 'Longitude'),
  latitude: plain('纬度', 'Latitude'),
  land_area_centimu: withUnit('centimu', '用地面积', 'Land area'),
  total_investment: money('总投资', 'Total investment'),
  fixed_asset_investment: money('固定资产投资', 'Fixed-asset investment'),
  annual_plan: money('年度计划投资', 'Annual plan'),
  'annual_plan.amount': money('年度计划投资', 'Annual plan'),
  'annual_plan.year': plain('计划年度', 'Plan year'),
  is_above_yi: yesNo('亿元以上', 'Above 100M yuan'),
  stage: enumOf('阶段', 'Stage', STAGE_LABELS),
  tags: plain('标签', 'Tags'),
  ...MILESTONE_DATES,
  dimension: plain('亮灯维度', 'Light dimension'),
  until: plain('豁免至', 'Exempt until'),
  reason: plain('原因', 'Reason'),
};

const REPORT_FIELDS: Record<string, AuditFieldSpec> = {
  year: plain('年度', 'Year'),
  month: plain('月份', 'Month'),
  revision: plain('版本', 'Revision'),
  amount: money('本月完成投资', 'Invested this month'),
  state: enumOf('状态', 'State', REPORT_STATE_LABELS),
  isLate: yesNo('逾期', 'Late'),
  isCurrent: yesNo('当前版本', 'Current'),
  progress_text: plain('形象进度', 'Progress'),
  problems: plain('存在问题', 'Problems'),
  reason: plain('原因', 'Reason'),
  fileName: plain('文件名', 'File name'),
};

const DIMENSIONS: Record<string, Label> = {
  start: l('开工', 'Start'),
  signToStart: l('签约到开工', 'Signing to start'),
  progress: l('投资进度', 'Investment progress'),
  report: l('月报', 'Monthly report'),
  approvals: l('审批', 'Approvals'),
  tickets: l('涉企问题', 'Tickets'),
};

/** A light-rule field's words and unit; the dimension's name goes in front (投资进度 · 黄灯：落后 ≥). */
const RULE_FIELDS: Record<string, [string, string, AuditFieldSpec['format']?]> = {
  enabled: ['启用', 'Enabled', 'boolean'],
  yellowFromMonths: ['黄灯：逾期 ≥', 'Yellow: late by at least', 'months'],
  redFromMonths: ['红灯：逾期 ≥', 'Red: late by at least', 'months'],
  defaultPromiseDays: ['默认承诺开工天数', 'Default promised days', 'days'],
  yellowFromPercent: ['黄灯：已用承诺时间 ≥', 'Yellow: promised time used at least', 'percent'],
  yellowFromPoints: ['黄灯：落后序时进度 ≥', 'Yellow: behind by at least', 'points'],
  redAbovePoints: ['红灯：落后序时进度 >', 'Red: behind by more than', 'points'],
  lateIsYellow: ['逾期报送亮黄灯', 'Late report is yellow', 'boolean'],
  yellowFromMissingMonths: ['黄灯：连续未报 ≥', 'Yellow: missing for at least', 'months'],
  redFromMissingMonths: ['红灯：连续未报 ≥', 'Red: missing for at least', 'months'],
  yellowFromDays: ['黄灯：超期 ≥', 'Yellow: overdue by at least', 'days'],
  redAboveDays: ['红灯：超期 >', 'Red: overdue by more than', 'days'],
  redAboveWorkingDays: ['红灯：超期工作日 >', 'Red: working days overdue more than', 'days'],
  escalatedIsRed: ['已升级的问题亮红灯', 'Escalated ticket is red', 'boolean'],
};

const LIGHT_RULE_FIELDS: Record<string, AuditFieldSpec> = {
  // The county's defaults carry the version 'default' until a first change numbers them 1.
  version: enumOf('规则版本', 'Rule version', { default: l('默认', 'default') }),
  ...Object.fromEntries(
    Object.entries(DIMENSIONS).flatMap(([dim, dimLabel]) =>
      Object.entries(RULE_FIELDS).map(([field, [zh, en, format]]) => [
        `${dim}.${field}`,
        { label: l(`${dimLabel['zh-CN']} · ${zh}`, `${dimLabel.en} · ${en}`), format },
      ]),
    ),
  ),
};

const ENTERPRISE_AUDIT_FIELDS: Record<string, AuditFieldSpec> = {
  ...Object.fromEntries(Object.entries(ENTERPRISE_LABELS).map(([field, label]) => [field, { label }])),
  scale: enumOf('规模', 'Scale', ENTERPRISE_SCALE_LABELS),
  flags: enumOf('标识', 'Flags', ENTERPRISE_FLAG_LABELS),
};

const LICENCE_AUDIT_FIELDS: Record<string, AuditFieldSpec> = {
  enterpriseId: plain('企业', 'Enterprise'),
  type: enumOf('证照类型', 'Licence type', LICENCE_TYPE_LABELS),
  number: plain('证照编号', 'Number'),
  issuer: plain('发证机关', 'Issuer'),
  validFrom: plain('有效期起', 'Valid from'),
  validTo: plain('有效期至', 'Valid to'),
};

/** Fields that mean the same whatever the object. */
const COMMON_FIELDS: Record<string, AuditFieldSpec> = {
  name: plain('名称', 'Name'),
  username: plain('用户名', 'Username'),
  displayName: plain('姓名', 'Name'),
  role: enumOf('角色', 'Role', ROLE_LABELS),
  unitId: plain('所属单位', 'Unit'),
  isActive: yesNo('启用', 'Active'),
  passwordChanged: yesNo('重设密码', 'Password reset'),
  parentId: plain('上级单位', 'Parent unit'),
  regionCode: plain('行政区划代码', 'Region code'),
  sortOrder: plain('排序', 'Order'),
  expiresAt: plain('到期时间', 'Expires'),
  writes: plain('可写范围', 'May change'),
  value: plain('数值', 'Value'),
  source: plain('来源', 'Source'),
  submitByDay: plain('报送截止日（次月）', 'Submit by (day of next month)'),
  reviewByDay: plain('审核截止日（次月）', 'Review by (day of next month)'),
  raceId: plain('赛马', 'Race'),
  period: plain('期次', 'Period'),
  title: plain('标题', 'Title'),
  docNumber: plain('文号', 'Document number'),
  periodKind: plain('周期', 'Period kind'),
  groups: plain('分组', 'Groups'),
  indicators: plain('指标', 'Indicators'),
  topN: plain('骏马数', 'Top named'),
  bottomN: plain('蜗牛数', 'Bottom named'),
  fileName: plain('文件名', 'File name'),
  bytes: plain('字节数', 'Bytes'),
  ledger: plain('台账类型', 'Ledger kind'),
  sheet: plain('工作表', 'Sheet'),
  mapping: plain('列对应', 'Column mapping'),
  status: plain('状态', 'Status'),
  rows: plain('行数', 'Rows'),
  errorRows: plain('有问题的行', 'Rows with problems'),
  outcome: plain('结果', 'Outcome'),
  ip: plain('IP 地址', 'IP address'),
  kind: enumOf('类型', 'Kind', UNIT_KIND_LABELS),
};

const BY_TYPE: Partial<Record<AuditObjectType, Record<string, AuditFieldSpec>>> = {
  project: PROJECT_FIELDS,
  report: REPORT_FIELDS,
  lightRules: LIGHT_RULE_FIELDS,
  enterprise: ENTERPRISE_AUDIT_FIELDS,
  licence: LICENCE_AUDIT_FIELDS,
};

/** A field's spec for an object type, by its full dotted path; undefined for a field with no words yet. */
export function auditFieldSpec(objectType: string, field: string): AuditFieldSpec | undefined {
  const own = BY_TYPE[objectType as AuditObjectType];
  return (
    (own && Object.hasOwn(own, field) ? own[field] : undefined) ??
    (Object.hasOwn(COMMON_FIELDS, field) ? COMMON_FIELDS[field] : undefined)
  );
}
