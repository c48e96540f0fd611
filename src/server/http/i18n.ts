import { STAGE_LABELS } from '../../domain/projects/lifecycle.ts';
import { RACE_MESSAGES } from './i18n-race.ts';
import { IMPORT_MESSAGES } from './i18n-imports.ts';
import { NUMBER_MESSAGES } from './i18n-numbers.ts';
import { BULLETIN_MESSAGES } from './i18n-bulletins.ts';

/** Server-side messages in the two languages Lantern speaks. zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

type Params = Record<string, string | number>;
type Entry = { 'zh-CN': string; en: string };

const MESSAGES = {
  MALFORMED_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA: {
    'zh-CN': '请求内容须为 JSON（Content-Type: application/json）',
    en: 'The request body must be JSON (Content-Type: application/json)',
  },
  BODY_TOO_LARGE: { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
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
  SETUP_DONE: { 'zh-CN': '系统已完成首次设置，不能重复设置', en: 'Setup has already been done' },
  SETUP_REQUIRED: { 'zh-CN': '系统尚未完成首次设置', en: 'Lantern has not been set up yet' },
  UNKNOWN_REGION: {
    'zh-CN': '行政区划代码 {code} 不存在，或不是县级区划',
    en: 'Region code {code} does not exist or is not a county-level division',
  },
  DUPLICATE_USERNAME: { 'zh-CN': '用户名“{username}”已被使用', en: 'The username "{username}" is already taken' },
  DUPLICATE_UNIT_NAME: {
    'zh-CN': '同一上级单位下已有名为“{name}”的单位',
    en: 'A unit named "{name}" already exists under the same parent',
  },
  UNIT_HAS_CHILDREN: {
    'zh-CN': '“{name}”下还有 {count} 个下级单位，不能删除',
    en: '"{name}" still has {count} sub-units and cannot be deleted',
  },
  UNIT_HAS_USERS: {
    'zh-CN': '“{name}”还有 {count} 个用户，不能删除',
    en: '"{name}" still has {count} users and cannot be deleted',
  },
  UNIT_HAS_PROJECTS: {
    'zh-CN': '“{name}”还有 {count} 个项目，不能删除',
    en: '"{name}" still has {count} projects and cannot be deleted',
  },
  UNIT_IS_ROOT: {
    'zh-CN': '不能删除或移动县（市、区）本级单位',
    en: 'The county unit itself cannot be deleted or moved',
  },
  UNIT_CYCLE: {
    'zh-CN': '不能把单位移到它自己或它的下级单位之下',
    en: 'A unit cannot move under itself or one of its sub-units',
  },
  ROLE_NOT_GRANTABLE: { 'zh-CN': '您不能授予“{role}”角色', en: 'You may not grant the role "{role}"' },
  PASSWORD_WEAK: { 'zh-CN': '密码不能与用户名相同', en: 'The password must differ from the username' },
  SELF_DEMOTION: {
    'zh-CN': '不能停用自己的账号或更改自己的角色',
    en: 'You cannot disable your own account or change your own role',
  },
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
  // Projects
  P_UNKNOWN_INDUSTRY: {
    'zh-CN': '行业代码“{code}”不在国民经济行业分类（GB/T 4754-2017）中',
    en: 'Industry code "{code}" is not in GB/T 4754-2017',
  },
  P_CODE_FORMAT: {
    'zh-CN': '项目代码应为 24 位：YYMM-RRRRRR-DD-TT-NNNNNN',
    en: 'The project code must have 24 characters: YYMM-RRRRRR-DD-TT-NNNNNN',
  },
  P_CODE_MONTH: {
    'zh-CN': '项目代码第 3–4 位是赋码月份，应在 01–12 之间',
    en: 'Characters 3–4 of the project code are the month, 01–12',
  },
  P_DUPLICATE_CODE: {
    'zh-CN': '项目代码 {code} 已被项目“{name}”使用',
    en: 'Project code {code} is already used by "{name}"',
  },
  P_DUPLICATE_CODE_HIDDEN: {
    'zh-CN': '项目代码 {code} 已被其他项目使用',
    en: 'Project code {code} is already used by another project',
  },
  P_NOT_TOWNSHIP: { 'zh-CN': '所在乡镇应选择一个乡镇或街道', en: 'The location must be a township or street' },
  MONEY_FORMAT: {
    'zh-CN': '{field}应为以万元计的金额，如 1234.56',
    en: '{field} must be an amount in 万元, e.g. 1234.56',
  },
  MONEY_NEGATIVE: { 'zh-CN': '{field}不能为负数', en: '{field} cannot be negative' },
  MONEY_TOO_LARGE: {
    'zh-CN': '{field}超过 1 万亿元，请检查单位是否为万元',
    en: '{field} exceeds 1 trillion yuan; is the unit 万元?',
  },
  MONEY_PRECISION: {
    'zh-CN': '{field}最多保留 4 位小数（精确到元）',
    en: '{field} allows at most 4 decimals (one yuan)',
  },
  MONEY_ZERO: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  DATE_ORDER: { 'zh-CN': '{later}不能早于{earlier}', en: '{later} cannot be before {earlier}' },
  FUTURE_ACTUAL: { 'zh-CN': '{field}（{date}）不能晚于今天', en: '{field} ({date}) cannot be in the future' },
  STAGE_NEEDS_DATE: {
    'zh-CN': '处于“{stage}”阶段的项目须填写{field}',
    en: 'A project at stage "{stage}" needs {field}',
  },
  DATE_BEFORE_STAGE: {
    'zh-CN': '“{stage}”阶段的项目尚未开工，不应有实际开工日期',
    en: 'A project at stage "{stage}" has not started and cannot have an actual start date',
  },
  FIXED_ABOVE_TOTAL: { 'zh-CN': '固定资产投资不能超过总投资', en: 'Fixed-asset investment cannot exceed the total' },
  PLANS_ABOVE_TOTAL: {
    'zh-CN': '各年度计划投资之和不能超过总投资',
    en: 'The annual plans cannot add up to more than the total',
  },
  T_FORBIDDEN: {
    'zh-CN': '不能从“{from}”变更为“{to}”；可变更为：{allowed}',
    en: 'Cannot move from "{from}" to "{to}"; allowed: {allowed}',
  },
  T_MISSING: { 'zh-CN': '变更为“{to}”须填写{field}', en: 'Moving to "{to}" needs {field}' },
  T_SAME: { 'zh-CN': '项目已处于“{to}”阶段', en: 'The project is already at "{to}"' },
  REPORT_ABOVE_TOTAL: {
    'zh-CN': '本月完成投资不能超过项目总投资',
    en: "The month's amount cannot exceed the project's total investment",
  },
  REPORT_APPROVED: {
    'zh-CN': '已审核的月报不能修改；如需更正，请提交更正并说明原因',
    en: 'An approved report cannot be changed; file a correction with a reason',
  },
  REPORT_WRONG_STATE: {
    'zh-CN': '“{state}”状态的月报不能{action}',
    en: 'A report that is "{state}" cannot be {action}',
  },
  REPORT_FUTURE: {
    'zh-CN': '{year}年{month}月尚未到来，不能填报',
    en: '{year}-{month} has not begun; it cannot be reported yet',
  },
  REPORT_DUPLICATE: {
    'zh-CN': '该项目 {year}年{month}月的月报已存在',
    en: 'This project already has a report for {year}-{month}',
  },
  REPORT_NOT_APPROVED: {
    'zh-CN': '只有已审核的月报才需要更正；未审核的可直接修改',
    en: 'Only an approved report takes a correction; edit an unapproved one directly',
  },
  REPORT_CORRECTION_PENDING: {
    'zh-CN': '该月已有一份更正在审核中',
    en: 'A correction for this month is already under review',
  },
  EXEMPTION_PAST: { 'zh-CN': '豁免截止日期 {until} 已过', en: 'The exemption end date {until} has passed' },
  RULE_NOT_AN_OBJECT: { 'zh-CN': '亮灯规则格式不正确', en: 'The light rules are not in the right format' },
  RULE_BAD_VERSION: { 'zh-CN': '亮灯规则版本号不正确', en: 'The rule-set version is not valid' },
  RULE_UNKNOWN_DIMENSION: { 'zh-CN': '不认识的亮灯维度：{dimension}', en: 'Unknown light dimension: {dimension}' },
  RULE_UNKNOWN_FIELD: {
    'zh-CN': '{dimension}规则中不认识的字段：{field}',
    en: 'Unknown field in the {dimension} rules: {field}',
  },
  RULE_NOT_A_BOOLEAN: {
    'zh-CN': '{dimension}规则的 {field} 应为是/否',
    en: '{dimension} rules: {field} must be true or false',
  },
  RULE_NOT_A_NUMBER: {
    'zh-CN': '{dimension}规则的 {field} 应为数字',
    en: '{dimension} rules: {field} must be a number',
  },
  RULE_NOT_AN_INTEGER: {
    'zh-CN': '{dimension}规则的 {field} 应为整数',
    en: '{dimension} rules: {field} must be a whole number',
  },
  RULE_NEGATIVE: {
    'zh-CN': '{dimension}规则的 {field} 不能为负数',
    en: '{dimension} rules: {field} cannot be negative',
  },
  RULE_OUT_OF_RANGE: {
    'zh-CN': '{dimension}规则的 {field} 超出允许范围',
    en: '{dimension} rules: {field} is out of range',
  },
  RULE_INVERTED: {
    'zh-CN': '{dimension}规则：黄灯阈值不能高于红灯阈值（{field}）',
    en: '{dimension} rules: the yellow threshold cannot be above the red one ({field})',
  },
  CALENDAR_SUBMIT_DAY: { 'zh-CN': '报送截止日应为每月 1–28 日之一', en: 'The submission day must be between 1 and 28' },
  CALENDAR_REVIEW_DAY: { 'zh-CN': '审核截止日应为每月 1–28 日之一', en: 'The review day must be between 1 and 28' },
  CALENDAR_REVIEW_BEFORE_SUBMIT: {
    'zh-CN': '审核截止日不能早于报送截止日',
    en: 'The review day cannot come before the submission day',
  },
  MONTH_ALREADY_LOCKED: { 'zh-CN': '{year}年{month}月已锁定', en: '{year}-{month} is already locked' },
  REPORT_MONTH_LOCKED: {
    'zh-CN': '{year}年{month}月已锁定，只能提交更正',
    en: '{year}-{month} is locked; only corrections are accepted',
  },
  CURVE_INVALID: {
    'zh-CN': '{year} 年的月度计划曲线应为 12 个逐月不减的累计百分比，最后一个为 100',
    en: 'The {year} monthly curve must be 12 non-decreasing cumulative percentages ending at 100',
  },
  DUPLICATE_YEAR: {
    'zh-CN': '年度计划中 {year} 年出现了两次',
    en: 'The year {year} appears twice in the annual plans',
  },
  // Report photos, with {name} the file's name as the uploader's device gave it.
  PHOTO_NOT_MULTIPART: {
    'zh-CN': '照片须以表单文件上传（multipart/form-data，字段 file）',
    en: 'Upload the photo as a form file (multipart/form-data, field "file")',
  },
  PHOTO_NO_FILE: { 'zh-CN': '请选择要上传的照片', en: 'Choose a photo to upload' },
  PHOTO_ONE_FILE: { 'zh-CN': '一次只能上传一张照片', en: 'Upload one photo at a time' },
  PHOTO_FORM: {
    'zh-CN': '上传内容只能包含照片（file）和说明（caption）',
    en: 'The upload may contain only the photo ("file") and its caption ("caption")',
  },
  PHOTO_INTERRUPTED: {
    'zh-CN': '上传中断或内容不完整，请重试',
    en: 'The upload was interrupted or incomplete; please try again',
  },
  PHOTO_TOO_LARGE: {
    'zh-CN': '“{name}”超过 {mb} MB，请压缩后再上传',
    en: '"{name}" is larger than {mb} MB; make it smaller and try again',
  },
  PHOTO_NOT_IMAGE: {
    'zh-CN': '“{name}”不是可识别的图片，或文件已损坏；请上传 JPEG、PNG 或 WebP 照片',
    en: '"{name}" is not a readable picture or is damaged; upload a JPEG, PNG or WebP photo',
  },
  PHOTO_FORMAT: {
    'zh-CN': '“{name}”是 {format} 格式，请上传 JPEG、PNG 或 WebP 照片',
    en: '"{name}" is a {format} file; upload a JPEG, PNG or WebP photo',
  },
  PHOTO_HEIC: {
    'zh-CN':
      '“{name}”是 HEIC 格式（苹果手机默认格式），本系统暂不能读取；请在手机“设置 → 相机 → 格式”中选择“兼容性最佳”，或将照片转为 JPEG 后上传',
    en: '"{name}" is HEIC (the iPhone default), which this server cannot read; choose Settings → Camera → Formats → Most Compatible, or convert the photo to JPEG',
  },
  PHOTO_TOO_MANY_PIXELS: {
    'zh-CN': '“{name}”超过 {mp} 百万像素，请缩小后再上传',
    en: '"{name}" has more than {mp} megapixels; make it smaller and try again',
  },
  PHOTO_LIMIT: { 'zh-CN': '每份月报最多 {max} 张照片', en: 'A report takes at most {max} photos' },
  ...RACE_MESSAGES,
  ...IMPORT_MESSAGES,
  ...NUMBER_MESSAGES,
  ...BULLETIN_MESSAGES,
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof MESSAGES;

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
  const template = MESSAGES[key][locale];
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
