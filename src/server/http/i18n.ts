import { DEAL_STAGE_LABELS } from '../../domain/deals/deal-stages.ts';
import { STAGE_LABELS } from '../../domain/projects/lifecycle.ts';
// Only the type: the feature index installs its features' messages at run time (installMessages), so
// this module, imported by nearly every route and service, imports no feature and closes no cycle.
import type { FeatureMessages } from '../features/index.ts';

/** Server-side messages in the two languages Lantern speaks. zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

type Params = Record<string, string | number>;
type Entry = { 'zh-CN': string; en: string };

/** The platform's own messages; each feature's are in its folder's *.messages.ts. */
export const PLATFORM_MESSAGES = {
  MALFORMED_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA: {
    'zh-CN': '请求内容须为 JSON（Content-Type: application/json）',
    en: 'The request body must be JSON (Content-Type: application/json)',
  },
  BODY_TOO_LARGE: { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  BAD_URL: { 'zh-CN': '请求地址格式不正确', en: 'The request URL is malformed' },
  URL_TOO_LONG: { 'zh-CN': '请求地址过长', en: 'The request URL is too long' },
  BAD_REQUEST: { 'zh-CN': '请求格式不正确', en: 'The request is malformed' },
  HEADERS_TOO_LARGE: { 'zh-CN': '请求头过大', en: 'The request headers are too large' },
  TIMEOUT: { 'zh-CN': '请求超时', en: 'The request timed out' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_DISABLED: {
    'zh-CN': '该账号已停用，请联系管理员',
    en: 'This account is disabled; contact your administrator',
  },
  RATE_LIMITED: {
    'zh-CN': '登录尝试过于频繁，请 {minutes} 分钟后再试',
    en: 'Too many sign-in attempts; try again in {minutes} minutes',
  },
  CSRF: {
    'zh-CN': '安全校验失败（CSRF），请刷新页面后重试',
    en: 'Security check failed (CSRF); reload the page and try again',
  },
  FORBIDDEN: { 'zh-CN': '您没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '{what}不存在或您无权查看', en: '{what} not found, or you may not see it' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在：{route}', en: 'No such endpoint: {route}' },
  INTERNAL: {
    'zh-CN': '服务器内部错误，请稍后重试（错误编号 {id}）',
    en: 'Internal server error; please retry later (reference {id})',
  },
  // Validation, with {field} the field's label.
  V_REQUIRED: { 'zh-CN': '{field}不能为空', en: '{field} is required' },
  V_TYPE: { 'zh-CN': '{field}格式不对，应为{expected}', en: '{field} has the wrong type; expected {expected}' },
  V_TOO_SHORT: { 'zh-CN': '{field}至少 {n} 个字符', en: '{field} must have at least {n} characters' },
  V_TOO_LONG: { 'zh-CN': '{field}最多 {n} 个字符', en: '{field} must have at most {n} characters' },
  V_TOO_SMALL: { 'zh-CN': '{field}不能小于 {n}', en: '{field} must be at least {n}' },
  V_TOO_BIG: { 'zh-CN': '{field}不能大于 {n}', en: '{field} must be at most {n}' },
  V_ONE_OF: { 'zh-CN': '{field}只能是以下之一：{values}', en: '{field} must be one of: {values}' },
  V_FORMAT: { 'zh-CN': '{field}格式不正确', en: '{field} is not in the right format' },
  V_UNKNOWN_KEY: { 'zh-CN': '不认识的字段：{keys}', en: 'Unknown field(s): {keys}' },
  V_INVALID: { 'zh-CN': '{field}无效', en: '{field} is invalid' },
  V_CONTROL_CHAR: {
    'zh-CN': '{field}含有不允许的控制字符（如 NUL、ESC），请删除后重试',
    en: '{field} contains a control character (such as NUL or ESC) that is not allowed',
  },
  V_TOO_DEEP: { 'zh-CN': '请求内容嵌套超过 {n} 层', en: 'The request nests deeper than {n} levels' },
  V_BAD_UNICODE: {
    'zh-CN': '{field}含有无效的字符编码，请重新输入',
    en: '{field} contains characters that are not valid Unicode',
  },
  // `lantern backup` and `lantern restore` (src/cli/backup.ts, src/cli/restore.ts).
  BACKUP_DONE: { 'zh-CN': '已备份 {source} 到 {out}（{size}）', en: 'Backed up {source} to {out} ({size})' },
  RESTORE_DONE: {
    'zh-CN': '已从 {file} 恢复到 {target}（迁移 {migrations} 个）',
    en: 'Restored {file} into {target} ({migrations} migrations)',
  },
  BACKUP_TOOL_MISSING: {
    'zh-CN': '找不到 {tool}：请安装 PostgreSQL 客户端工具（Debian/Ubuntu：apt-get install postgresql-client）',
    en: '{tool} not found: install the PostgreSQL client tools (Debian/Ubuntu: apt-get install postgresql-client)',
  },
  BACKUP_TOOL_FAILED: { 'zh-CN': '{tool} 执行失败：{detail}', en: '{tool} failed: {detail}' },
  BACKUP_FILE_MISSING: { 'zh-CN': '找不到备份文件 {file}', en: 'No such backup file: {file}' },
  BACKUP_SOURCE_MISSING: { 'zh-CN': '数据库文件 {file} 不存在', en: 'The database file {file} does not exist' },
  BACKUP_NOT_A_BACKUP: {
    'zh-CN': '{file} 不是 Lantern 的备份（应为 lantern backup 写出的 SQLite 文件或 PostgreSQL 备份，且含迁移记录）',
    en: '{file} is not a Lantern backup (expected an SQLite file or a PostgreSQL dump written by lantern backup, with its migrations table)',
  },
  BACKUP_WRONG_KIND: {
    'zh-CN': '{file} 是 {kind} 的备份，而配置的数据库是 {target}；只能恢复到同类数据库',
    en: '{file} is a {kind} backup but the configured database is {target}; restore it into the same kind of database',
  },
  BACKUP_NEWER: {
    'zh-CN': '{file} 来自更新版本的 Lantern（含本版本不认识的迁移 {names}），请先升级 Lantern 再恢复',
    en: '{file} comes from a newer Lantern (migrations this version does not know: {names}); upgrade Lantern first',
  },
  RESTORE_NOT_EMPTY: {
    'zh-CN': '目标数据库 {target} 已有数据；确定用备份覆盖它时加 --force',
    en: 'The target database {target} is not empty; add --force to replace it with the backup',
  },
  RESTORE_IN_USE: {
    'zh-CN': '数据库 {target} 正被其他程序使用（如运行中的 lantern serve）；请先停止服务再恢复',
    en: 'The database {target} is in use by another program (a running lantern serve?); stop it before restoring',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof PLATFORM_MESSAGES | (keyof FeatureMessages & string);

/** The one message table: the platform's messages, then each feature's as the feature index installs them. */
const MESSAGES = new Map<string, { owner: string; entry: Entry }>(
  Object.entries(PLATFORM_MESSAGES).map(([key, entry]) => [key, { owner: 'the platform', entry }]),
);

/**
 * Adds the features' messages to the table; called once, by the feature index as it loads. A key that
 * two owners define is a programming error and stops the start.
 */
export function installMessages(tables: readonly { owner: string; messages: Readonly<Record<string, Entry>> }[]): void {
  for (const { owner, messages } of tables)
    for (const [key, entry] of Object.entries(messages)) {
      const had = MESSAGES.get(key);
      if (had && had.entry !== entry) throw new Error(`message ${key} is defined by both ${had.owner} and ${owner}`);
      MESSAGES.set(key, { owner, entry });
    }
}

/** Labels of request fields and types, so that a message names the field as the user sees it. */
const LABELS: Record<string, Entry> = {
  username: { 'zh-CN': '用户名', en: 'Username' },
  password: { 'zh-CN': '密码', en: 'Password' },
  displayName: { 'zh-CN': '姓名', en: 'Display name' },
  role: { 'zh-CN': '角色', en: 'Role' },
  unitId: { 'zh-CN': '所属单位', en: 'Unit' },
  ledger: { 'zh-CN': '台账类型', en: 'Ledger kind' },
  reportState: { 'zh-CN': '导入后的月报状态', en: 'State of the imported reports' },
  parentId: { 'zh-CN': '上级单位', en: 'Parent unit' },
  name: { 'zh-CN': '名称', en: 'Name' },
  kind: { 'zh-CN': '类型', en: 'Kind' },
  regionCode: { 'zh-CN': '行政区划代码', en: 'Region code' },
  sortOrder: { 'zh-CN': '排序', en: 'Sort order' },
  isActive: { 'zh-CN': '启用状态', en: 'Active' },
  id: { 'zh-CN': '编号', en: 'Id' },
  limit: { 'zh-CN': '每页条数', en: 'Limit' },
  cursor: { 'zh-CN': '翻页游标', en: 'Cursor' },
  from: { 'zh-CN': '开始时间', en: 'From' },
  page: { 'zh-CN': '页码', en: 'Page' },
  pageSize: { 'zh-CN': '每页条数', en: 'Page size' },
  objectType: { 'zh-CN': '对象类型', en: 'Object type' },
  objectId: { 'zh-CN': '对象编号', en: 'Object id' },
  action: { 'zh-CN': '操作', en: 'Action' },
  userId: { 'zh-CN': '操作人', en: 'User' },
  includeSignIns: { 'zh-CN': '显示登录', en: 'Show sign-ins' },
  q: { 'zh-CN': '搜索词', en: 'Search text' },
  body: { 'zh-CN': '请求内容', en: 'Request body' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  user: { 'zh-CN': '用户', en: 'User' },
  token: { 'zh-CN': 'API 令牌', en: 'API token' },
  number: { 'zh-CN': '数字', en: 'a number' },
  project: { 'zh-CN': '项目', en: 'Project' },
  code: { 'zh-CN': '项目代码', en: 'Project code' },
  internalNo: { 'zh-CN': '内部编号', en: 'Internal number' },
  nature: { 'zh-CN': '建设性质', en: 'Nature' },
  industryCode: { 'zh-CN': '国民经济行业', en: 'Industry' },
  level: { 'zh-CN': '项目层级', en: 'Level' },
  investmentType: { 'zh-CN': '投资类型', en: 'Investment type' },
  approvalMode: { 'zh-CN': '审批方式', en: 'Approval mode' },
  leadUnitId: { 'zh-CN': '责任单位', en: 'Lead unit' },
  townshipUnitId: { 'zh-CN': '所在乡镇（街道）', en: 'Township' },
  ownerName: { 'zh-CN': '业主单位', en: 'Owner' },
  ownerCreditCode: { 'zh-CN': '统一社会信用代码', en: 'Credit code' },
  patronLeader: { 'zh-CN': '联系领导', en: 'Patron leader' },
  contact: { 'zh-CN': '联系人', en: 'Contact' },
  address: { 'zh-CN': '建设地点', en: 'Address' },
  longitude: { 'zh-CN': '经度', en: 'Longitude' },
  latitude: { 'zh-CN': '纬度', en: 'Latitude' },
  landAreaMu: { 'zh-CN': '用地面积（亩）', en: 'Land area (mu)' },
  totalInvestmentWan: { 'zh-CN': '总投资', en: 'Total investment' },
  fixedAssetInvestmentWan: { 'zh-CN': '固定资产投资', en: 'Fixed-asset investment' },
  annualPlans: { 'zh-CN': '年度计划投资', en: 'Annual plans' },
  amountWan: { 'zh-CN': '金额', en: 'Amount' },
  year: { 'zh-CN': '年度', en: 'Year' },
  tags: { 'zh-CN': '标签', en: 'Tags' },
  to: { 'zh-CN': '目标阶段', en: 'Target stage' },
  reason: { 'zh-CN': '原因', en: 'Reason' },
  plannedSignDate: { 'zh-CN': '计划签约日期', en: 'Planned signing' },
  actualSignDate: { 'zh-CN': '实际签约日期', en: 'Actual signing' },
  plannedStartDate: { 'zh-CN': '计划开工日期', en: 'Planned start' },
  actualStartDate: { 'zh-CN': '实际开工日期', en: 'Actual start' },
  plannedCompletionDate: { 'zh-CN': '计划竣工日期', en: 'Planned completion' },
  actualCompletionDate: { 'zh-CN': '实际竣工日期', en: 'Actual completion' },
  plannedProductionDate: { 'zh-CN': '计划投产日期', en: 'Planned production' },
  actualProductionDate: { 'zh-CN': '实际投产日期', en: 'Actual production' },
  plannedCapacityDate: { 'zh-CN': '计划达产日期', en: 'Planned capacity' },
  actualCapacityDate: { 'zh-CN': '实际达产日期', en: 'Actual capacity' },
  minInvestmentWan: { 'zh-CN': '最低总投资', en: 'Minimum investment' },
  maxInvestmentWan: { 'zh-CN': '最高总投资', en: 'Maximum investment' },
  stage: { 'zh-CN': '阶段', en: 'Stage' },
  report: { 'zh-CN': '月报', en: 'Report' },
  notice: { 'zh-CN': '通知', en: 'Notice' },
  unitIds: { 'zh-CN': '单位', en: 'Units' },
  'lights.start': { 'zh-CN': '开工', en: 'Start' },
  'lights.signToStart': { 'zh-CN': '签约→开工', en: 'Sign→start' },
  'lights.progress': { 'zh-CN': '投资进度', en: 'Progress' },
  'lights.report': { 'zh-CN': '月报', en: 'Reports' },
  'lights.approvals': { 'zh-CN': '审批', en: 'Approvals' },
  'lights.tickets': { 'zh-CN': '涉企问题', en: 'Tickets' },
  'lights.': { 'zh-CN': '亮灯', en: 'Lights' },
  dimension: { 'zh-CN': '亮灯维度', en: 'Dimension' },
  until: { 'zh-CN': '截止日期', en: 'Until' },
  month: { 'zh-CN': '月份', en: 'Month' },
  progressText: { 'zh-CN': '形象进度', en: 'Progress' },
  problems: { 'zh-CN': '存在问题', en: 'Problems' },
  photo: { 'zh-CN': '照片', en: 'Photo' },
  file: { 'zh-CN': '照片文件', en: 'Photo file' },
  caption: { 'zh-CN': '照片说明', en: 'Caption' },
  'reportState.draft': { 'zh-CN': '草稿', en: 'draft' },
  'reportState.submitted': { 'zh-CN': '已报送', en: 'submitted' },
  'reportState.approved': { 'zh-CN': '已审核', en: 'approved' },
  'reportState.returned': { 'zh-CN': '已退回', en: 'returned' },
  'reportAction.edit': { 'zh-CN': '修改', en: 'edited' },
  'reportAction.submit': { 'zh-CN': '报送', en: 'submitted' },
  'reportAction.approve': { 'zh-CN': '审核', en: 'approved' },
  'reportAction.return': { 'zh-CN': '退回', en: 'returned' },
  ...Object.fromEntries(Object.entries(STAGE_LABELS).map(([k, v]) => [`stage.${k}`, v])),
  ...Object.fromEntries(Object.entries(DEAL_STAGE_LABELS).map(([k, v]) => [`dealStage.${k}`, v])),
  // 招商 (src/contract/deals.ts)
  investorName: { 'zh-CN': '投资方', en: 'Investor' },
  investorCreditCode: { 'zh-CN': '投资方统一社会信用代码', en: "Investor's credit code" },
  investorListing: { 'zh-CN': '上市情况', en: 'Listing' },
  investorHqRegion: { 'zh-CN': '总部所在地', en: 'Head office' },
  sourceRegion: { 'zh-CN': '来源地区', en: 'Source region' },
  chainKey: { 'zh-CN': '产业链', en: 'Industry chain' },
  linkKey: { 'zh-CN': '产业链环节', en: 'Chain link' },
  intendedInvestmentWan: { 'zh-CN': '意向投资额', en: 'Intended investment' },
  teamId: { 'zh-CN': '招商小分队', en: 'Deal team' },
  targetId: { 'zh-CN': '目标企业', en: 'Target enterprise' },
  signedOn: { 'zh-CN': '签约日期', en: 'Sign date' },
  signedAmountWan: { 'zh-CN': '签约投资额', en: 'Signed amount' },
  landedOn: { 'zh-CN': '落地日期', en: 'Landing date' },
  onDate: { 'zh-CN': '日期', en: 'Date' },
  attendees: { 'zh-CN': '参加人员', en: 'Attendees' },
  summary: { 'zh-CN': '内容', en: 'Summary' },
  memberIds: { 'zh-CN': '成员', en: 'Members' },
  leaderName: { 'zh-CN': '带队领导', en: 'Leader' },
  projectId: { 'zh-CN': '项目', en: 'Project' },
  note: { 'zh-CN': '备注', en: 'Note' },
  sourceRegions: { 'zh-CN': '来源地区', en: 'Source regions' },
  kinds: { 'zh-CN': '项目类别', en: 'Kinds' },
  tiers: { 'zh-CN': '投资档次', en: 'Tiers' },
  chains: { 'zh-CN': '产业链', en: 'Chains' },
  clocks: { 'zh-CN': '线索办理时限', en: 'Lead clocks' },
  string: { 'zh-CN': '文本', en: 'text' },
  boolean: { 'zh-CN': '是/否', en: 'true or false' },
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '列表', en: 'a list' },
  int: { 'zh-CN': '整数', en: 'a whole number' },
};

export function label(key: string, locale: Locale): string {
  return LABELS[key]?.[locale] ?? key;
}

export function translate(key: MessageKey, locale: Locale, params: Params = {}): string {
  const found = MESSAGES.get(key);
  // Only a process that never loaded the feature index (which every entry point does) gets here.
  if (!found) throw new Error(`message ${key} is not installed; load src/server/features/index.ts first`);
  const template = found.entry[locale];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The language a request asks for: the first of zh / en its Accept-Language names, else the default. */
export function localeOf(acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return fallback;
}
