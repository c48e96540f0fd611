/**
 * Every action and object type the audit trail records, with the words a reader uses for them. The
 * writers take their action and object type from these lists (`AuditAction`, `AuditObjectType`), so
 * an action cannot be written without a label; the page and the Excel export read the labels here.
 */
export type AuditLocale = 'zh-CN' | 'en';
type Label = Record<AuditLocale, string>;

export const AUDIT_ACTION_LABELS = {
  setup: { 'zh-CN': '首次设置', en: 'First-run setup' },
  'session.create': { 'zh-CN': '登录', en: 'Sign in' },
  'session.fail': { 'zh-CN': '登录失败', en: 'Failed sign-in' },
  'unit.create': { 'zh-CN': '新增单位', en: 'Add unit' },
  'unit.update': { 'zh-CN': '修改单位', en: 'Edit unit' },
  'unit.delete': { 'zh-CN': '删除单位', en: 'Delete unit' },
  'user.create': { 'zh-CN': '新建用户', en: 'Add user' },
  'user.update': { 'zh-CN': '修改用户', en: 'Edit user' },
  'token.create': { 'zh-CN': '新建 API 令牌', en: 'Create API token' },
  'token.revoke': { 'zh-CN': '吊销 API 令牌', en: 'Revoke API token' },
  'project.create': { 'zh-CN': '新建项目', en: 'Create project' },
  'project.update': { 'zh-CN': '修改项目', en: 'Edit project' },
  'project.transition': { 'zh-CN': '项目阶段变更', en: 'Change project stage' },
  'exemption.create': { 'zh-CN': '亮灯豁免', en: 'Light exemption' },
  'lightRules.update': { 'zh-CN': '修改亮灯规则', en: 'Change light rules' },
  'report.create': { 'zh-CN': '新建月报', en: 'Create monthly report' },
  'report.update': { 'zh-CN': '修改月报', en: 'Edit monthly report' },
  'report.submit': { 'zh-CN': '报送月报', en: 'Submit monthly report' },
  'report.approve': { 'zh-CN': '审核通过月报', en: 'Approve monthly report' },
  'report.return': { 'zh-CN': '退回月报', en: 'Return monthly report' },
  'report.remind': { 'zh-CN': '催报', en: 'Remind units to file reports' },
  'report.correct': { 'zh-CN': '更正月报', en: 'Correct monthly report' },
  'report.addPhoto': { 'zh-CN': '添加月报照片', en: 'Add report photo' },
  'report.deletePhoto': { 'zh-CN': '删除月报照片', en: 'Delete report photo' },
  'reportCalendar.update': { 'zh-CN': '修改月报报送时间', en: 'Change reporting calendar' },
  'reportMonth.lock': { 'zh-CN': '锁定月报月份', en: 'Lock report month' },
  'target.set': { 'zh-CN': '设置目标任务', en: 'Set target' },
  'indicatorValue.set': { 'zh-CN': '填报统计数据', en: 'Enter statistic' },
  'race.create': { 'zh-CN': '新建赛马', en: 'Create race' },
  'race.update': { 'zh-CN': '修改赛马', en: 'Edit race' },
  'race.delete': { 'zh-CN': '删除赛马', en: 'Delete race' },
  'bulletin.publish': { 'zh-CN': '发布通报', en: 'Publish bulletin' },
  'bulletin.correct': { 'zh-CN': '发布更正通报', en: 'Publish correction' },
  'import.upload': { 'zh-CN': '上传台账', en: 'Upload ledger' },
  'import.mapping': { 'zh-CN': '设置列对应', en: 'Map columns' },
  'import.mapping.save': { 'zh-CN': '设置并保存列对应', en: 'Map and save columns' },
  'import.check': { 'zh-CN': '检查台账', en: 'Check ledger' },
  'import.commit': { 'zh-CN': '导入台账', en: 'Import ledger' },
  'enterprise.create': { 'zh-CN': '新增企业', en: 'Register enterprise' },
  'enterprise.update': { 'zh-CN': '修改企业', en: 'Edit enterprise' },
  'licence.create': { 'zh-CN': '新增证照', en: 'Add licence' },
  'licence.update': { 'zh-CN': '修改证照', en: 'Edit licence' },
  'licence.delete': { 'zh-CN': '删除证照', en: 'Delete licence' },
  'ticket.raise': { 'zh-CN': '提出涉企问题', en: 'Raise a ticket' },
  'ticket.step': { 'zh-CN': '办理涉企问题', en: 'Take a ticket step' },
  'ticket.attach': { 'zh-CN': '涉企问题上传附件', en: 'Attach a file to a ticket' },
  'ticket.escalate': { 'zh-CN': '涉企问题升级督办', en: 'Escalate a ticket' },
  'ticketSettings.update': { 'zh-CN': '修改问题办理时限', en: 'Change ticket time limits' },
  'reminderSettings.update': { 'zh-CN': '修改提醒设置', en: 'Change reminder settings' },
  'deal.create': { 'zh-CN': '新增招商项目', en: 'Add a deal' },
  'deal.update': { 'zh-CN': '修改招商项目', en: 'Edit a deal' },
  'deal.move': { 'zh-CN': '推进招商项目', en: 'Move a deal' },
  'deal.convert': { 'zh-CN': '签约项目转入项目库', en: 'Convert a signed deal into a project' },
  'deal.activity': { 'zh-CN': '记录招商活动', en: 'Log a deal activity' },
  'deal.funds': { 'zh-CN': '登记到位资金', en: 'Record funds in place' },
  'dealSettings.update': { 'zh-CN': '修改招商设置', en: 'Change deal settings' },
  'dealTeam.create': { 'zh-CN': '新增招商小分队', en: 'Add a deal team' },
  'dealTeam.update': { 'zh-CN': '修改招商小分队', en: 'Edit a deal team' },
  'dealTarget.create': { 'zh-CN': '新增目标企业', en: 'Add a target enterprise' },
  'dealTarget.update': { 'zh-CN': '修改目标企业', en: 'Edit a target enterprise' },
} as const satisfies Record<string, Label>;

/** What an audit event can record as its action. */
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export const AUDIT_OBJECT_TYPE_LABELS = {
  project: { 'zh-CN': '项目', en: 'Project' },
  report: { 'zh-CN': '月报', en: 'Monthly report' },
  lightRules: { 'zh-CN': '亮灯规则', en: 'Light rules' },
  target: { 'zh-CN': '目标任务', en: 'Target' },
  indicatorValue: { 'zh-CN': '统计数据', en: 'Statistic' },
  race: { 'zh-CN': '赛马', en: 'Race' },
  bulletin: { 'zh-CN': '通报', en: 'Bulletin' },
  import: { 'zh-CN': '台账导入', en: 'Import' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  licence: { 'zh-CN': '证照', en: 'Licence' },
  ticket: { 'zh-CN': '涉企问题', en: 'Ticket' },
  deal: { 'zh-CN': '招商项目', en: 'Deal' },
  dealTeam: { 'zh-CN': '招商小分队', en: 'Deal team' },
  dealTarget: { 'zh-CN': '目标企业', en: 'Target enterprise' },
  settings: { 'zh-CN': '系统设置', en: 'Settings' },
  unit: { 'zh-CN': '单位', en: 'Unit' },
  user: { 'zh-CN': '用户', en: 'User' },
  token: { 'zh-CN': 'API 令牌', en: 'API token' },
  session: { 'zh-CN': '登录', en: 'Sign-in' },
} as const satisfies Record<string, Label>;

/** What an audit event can be about; listed in the order the page's filter offers them. */
export type AuditObjectType = keyof typeof AUDIT_OBJECT_TYPE_LABELS;
export const AUDIT_OBJECT_TYPES = Object.keys(AUDIT_OBJECT_TYPE_LABELS) as AuditObjectType[];

/**
 * Sign-ins and failed sign-ins are recorded under this object type; the list leaves them out unless
 * asked, since they outnumber the changes a reader looks for.
 */
export const SIGN_IN_OBJECT_TYPE: AuditObjectType = 'session';

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(AUDIT_ACTION_LABELS, value);
export const isAuditObjectType = (value: string): value is AuditObjectType =>
  Object.hasOwn(AUDIT_OBJECT_TYPE_LABELS, value);

/** The reader's word for an action; the stored code itself for one written before it had a label. */
export function auditActionLabel(action: string, locale: AuditLocale): string {
  return isAuditAction(action) ? AUDIT_ACTION_LABELS[action][locale] : action;
}

/** The reader's word for an object type; the stored code itself when unknown. */
export function auditObjectTypeLabel(type: string, locale: AuditLocale): string {
  return isAuditObjectType(type) ? AUDIT_OBJECT_TYPE_LABELS[type][locale] : type;
}
