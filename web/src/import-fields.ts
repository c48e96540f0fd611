// The fields an import can fill, by kind of ledger, with their labels in both languages (as the
// server's project-columns.ts, report-columns.ts, enterprise-columns.ts and deal-columns.ts name them).
// A deal ledger's 项目名称, 牵头单位 and 联系领导 are the project fields of those names.
import type {
  DealLedgerField,
  EnterpriseLedgerField,
  LedgerField,
  LedgerKind,
  ProjectField,
  ReportField,
} from './api-imports';

/**
 * The project fields a column can fill, in the template's order, with the header the template writes
 * (src/domain/exchange/project-columns.ts) and an English name.
 */
export const PROJECT_FIELD_LABELS: Record<ProjectField, { 'zh-CN': string; en: string }> = {
  code: { 'zh-CN': '项目代码', en: 'Project code' },
  internalNo: { 'zh-CN': '内部编号', en: 'Internal number' },
  name: { 'zh-CN': '项目名称', en: 'Project name' },
  stage: { 'zh-CN': '项目阶段', en: 'Stage' },
  nature: { 'zh-CN': '建设性质', en: 'Nature' },
  kind: { 'zh-CN': '项目类别', en: 'Kind' },
  industryCode: { 'zh-CN': '国民经济行业', en: 'Industry' },
  level: { 'zh-CN': '项目级别', en: 'Level' },
  investmentType: { 'zh-CN': '投资类型', en: 'Investment type' },
  approvalMode: { 'zh-CN': '审批方式', en: 'Approval mode' },
  leadUnit: { 'zh-CN': '责任单位', en: 'Lead unit' },
  township: { 'zh-CN': '所在乡镇', en: 'Township' },
  ownerName: { 'zh-CN': '项目业主', en: 'Owner' },
  ownerCreditCode: { 'zh-CN': '统一社会信用代码', en: 'Owner credit code' },
  patronLeader: { 'zh-CN': '联系领导', en: 'Patron leader' },
  contact: { 'zh-CN': '联系人及电话', en: 'Contact' },
  address: { 'zh-CN': '建设地点', en: 'Location' },
  longitude: { 'zh-CN': '经度', en: 'Longitude' },
  latitude: { 'zh-CN': '纬度', en: 'Latitude' },
  landAreaMu: { 'zh-CN': '用地面积（亩）', en: 'Land (mu)' },
  fixedAssetInvestmentWan: { 'zh-CN': '其中固定资产投资', en: 'Of which fixed assets' },
  annualPlanWan: { 'zh-CN': '年度计划投资', en: 'Annual plan' },
  totalInvestmentWan: { 'zh-CN': '总投资', en: 'Total investment' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  plannedSignDate: { 'zh-CN': '计划签约时间', en: 'Planned signing' },
  actualSignDate: { 'zh-CN': '实际签约时间', en: 'Actual signing' },
  plannedStartDate: { 'zh-CN': '计划开工时间', en: 'Planned start' },
  actualStartDate: { 'zh-CN': '实际开工时间', en: 'Actual start' },
  plannedCompletionDate: { 'zh-CN': '计划竣工时间', en: 'Planned completion' },
  actualCompletionDate: { 'zh-CN': '实际竣工时间', en: 'Actual completion' },
  plannedProductionDate: { 'zh-CN': '计划投产时间', en: 'Planned production' },
  actualProductionDate: { 'zh-CN': '实际投产时间', en: 'Actual production' },
  plannedCapacityDate: { 'zh-CN': '计划达产时间', en: 'Planned full capacity' },
  actualCapacityDate: { 'zh-CN': '实际达产时间', en: 'Actual full capacity' },
};

/** The fields of a monthly-report ledger (src/domain/exchange/report-columns.ts), in the template's order. */
const REPORT_FIELD_LABELS: Record<ReportField, { 'zh-CN': string; en: string }> = {
  reportPeriod: { 'zh-CN': '报告期', en: 'Reporting month' },
  reportYear: { 'zh-CN': '年度', en: 'Year' },
  reportMonth: { 'zh-CN': '月份', en: 'Month' },
  monthAmountWan: { 'zh-CN': '本月完成投资（万元）', en: 'Invested this month (10k yuan)' },
  progressText: { 'zh-CN': '形象进度', en: 'Progress' },
  problems: { 'zh-CN': '存在问题', en: 'Problems' },
};

const ENTERPRISE_FIELD_LABELS: Record<EnterpriseLedgerField, { 'zh-CN': string; en: string }> = {
  enterpriseName: { 'zh-CN': '企业名称', en: 'Enterprise name' },
  creditCode: { 'zh-CN': '统一社会信用代码', en: 'Credit code' },
  scale: { 'zh-CN': '规模', en: 'Scale' },
  contactName: { 'zh-CN': '联系人', en: 'Contact' },
  contactPhone: { 'zh-CN': '联系电话', en: 'Contact phone' },
  flags: { 'zh-CN': '标识', en: 'Flags' },
};

const DEAL_FIELD_LABELS: Record<DealLedgerField, { 'zh-CN': string; en: string }> = {
  investorName: { 'zh-CN': '投资方', en: 'Investor' },
  investorListing: { 'zh-CN': '上市情况', en: 'Listing' },
  investorHqRegion: { 'zh-CN': '总部所在地', en: 'Headquarters' },
  sourceRegion: { 'zh-CN': '来源地区', en: 'Source region' },
  chain: { 'zh-CN': '产业链', en: 'Industry chain' },
  chainLink: { 'zh-CN': '环节', en: 'Link' },
  dealKind: { 'zh-CN': '项目类别', en: 'Kind of deal' },
  intendedInvestmentWan: { 'zh-CN': '意向投资额', en: 'Intended investment' },
  dealTeam: { 'zh-CN': '招商小分队', en: 'Team' },
  dealStage: { 'zh-CN': '阶段', en: 'Stage' },
  signedOn: { 'zh-CN': '签约日期', en: 'Signed on' },
  signedAmountWan: { 'zh-CN': '签约金额', en: 'Signed amount' },
  dealNote: { 'zh-CN': '备注/原因', en: 'Note or reason' },
};

export const FIELD_LABELS: Record<LedgerField, { 'zh-CN': string; en: string }> = {
  ...PROJECT_FIELD_LABELS,
  ...REPORT_FIELD_LABELS,
  ...ENTERPRISE_FIELD_LABELS,
  ...DEAL_FIELD_LABELS,
};

export const PROJECT_FIELDS = Object.keys(PROJECT_FIELD_LABELS) as ProjectField[];
/** A report names its project by code or name, then says which month and what was done. */
export const REPORT_FIELDS: LedgerField[] = ['code', 'name', ...(Object.keys(REPORT_FIELD_LABELS) as ReportField[])];
/** An enterprise ledger's fields (enterprise-columns.ts), in its template's order. */
export const ENTERPRISE_FIELDS: LedgerField[] = [
  'enterpriseName',
  'creditCode',
  'industryCode',
  'scale',
  'township',
  'address',
  'contactName',
  'contactPhone',
  'flags',
];
/** A deal ledger's fields (deal-columns.ts), in its template's order. */
export const DEAL_FIELDS: LedgerField[] = [
  'name',
  'investorName',
  'creditCode',
  'investorListing',
  'investorHqRegion',
  'sourceRegion',
  'chain',
  'chainLink',
  'dealKind',
  'intendedInvestmentWan',
  'leadUnit',
  'dealTeam',
  'patronLeader',
  'dealStage',
  'signedOn',
  'signedAmountWan',
  'dealNote',
];
/** The fields a column of each kind of ledger can fill. */
export const FIELDS_OF: Record<LedgerKind, readonly LedgerField[]> = {
  projects: PROJECT_FIELDS,
  reports: REPORT_FIELDS,
  enterprises: ENTERPRISE_FIELDS,
  deals: DEAL_FIELDS,
};
