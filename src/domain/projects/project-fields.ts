/** Enumerated project fields (DESIGN §3.2), with their labels. Values are stable identifiers; labels are for people. */
type Labels<T extends string> = Record<T, { 'zh-CN': string; en: string }>;

export const NATURES = ['new', 'expansion', 'renovation', 'relocation', 'techUpgrade'] as const;
export type Nature = (typeof NATURES)[number];
export const NATURE_LABELS: Labels<Nature> = {
  new: { 'zh-CN': '新建', en: 'New' },
  expansion: { 'zh-CN': '扩建', en: 'Expansion' },
  renovation: { 'zh-CN': '改建', en: 'Renovation' },
  relocation: { 'zh-CN': '迁建', en: 'Relocation' },
  techUpgrade: { 'zh-CN': '技改', en: 'Technical upgrade' },
};

export const PROJECT_KINDS = ['industry', 'infrastructure', 'social', 'ecology', 'other'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_KIND_LABELS: Labels<ProjectKind> = {
  industry: { 'zh-CN': '产业', en: 'Industry' },
  infrastructure: { 'zh-CN': '基础设施', en: 'Infrastructure' },
  social: { 'zh-CN': '社会民生', en: 'Social' },
  ecology: { 'zh-CN': '生态环保', en: 'Ecology' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const LEVELS = ['provincial', 'municipal', 'county'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Labels<Level> = {
  provincial: { 'zh-CN': '省重大', en: 'Provincial major' },
  municipal: { 'zh-CN': '市重点', en: 'City key' },
  county: { 'zh-CN': '县重点', en: 'County key' },
};

export const INVESTMENT_TYPES = ['government', 'enterprise'] as const;
export type InvestmentType = (typeof INVESTMENT_TYPES)[number];
export const INVESTMENT_TYPE_LABELS: Labels<InvestmentType> = {
  government: { 'zh-CN': '政府投资', en: 'Government' },
  enterprise: { 'zh-CN': '企业投资', en: 'Enterprise' },
};

export const APPROVAL_MODES = ['approval', 'ratification', 'filing'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];
export const APPROVAL_MODE_LABELS: Labels<ApprovalMode> = {
  approval: { 'zh-CN': '审批', en: 'Approval' },
  ratification: { 'zh-CN': '核准', en: 'Ratification' },
  filing: { 'zh-CN': '备案', en: 'Filing' },
};

/** Milestones with a planned and an actual date each, in schedule order. */
export const MILESTONES = ['sign', 'start', 'completion', 'production', 'capacity'] as const;
export type Milestone = (typeof MILESTONES)[number];
export const MILESTONE_LABELS: Labels<Milestone> = {
  sign: { 'zh-CN': '签约', en: 'Signing' },
  start: { 'zh-CN': '开工', en: 'Start' },
  completion: { 'zh-CN': '竣工', en: 'Completion' },
  production: { 'zh-CN': '投产', en: 'Production' },
  capacity: { 'zh-CN': '达产', en: 'Capacity' },
};

/** 亿元以上: derived from the total investment, never typed. */
export const ABOVE_YI_YUAN = 100_000_000;
export const isAboveYi = (totalInvestmentYuan: number) => totalInvestmentYuan >= ABOVE_YI_YUAN;

/** The dates of a project as the API carries them: planned and actual per milestone, YYYY-MM-DD. */
export interface ProjectDates {
  plannedSignDate: string | null;
  actualSignDate: string | null;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  plannedCompletionDate: string | null;
  actualCompletionDate: string | null;
  plannedProductionDate: string | null;
  actualProductionDate: string | null;
  plannedCapacityDate: string | null;
  actualCapacityDate: string | null;
}
