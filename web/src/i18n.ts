import { createContext, useContext } from 'react';

/** The two UI languages; Chinese is the default, English is a switch. */
export type Lang = 'zh-CN' | 'en';

export const LANG_STORAGE_KEY = 'lantern.lang';

const zh = {
  'brand.name': 'Lantern 亮灯',
  'brand.full': 'Lantern 亮灯 · 项目绩效管理平台',
  'brand.subtitle': '项目绩效管理平台',
  'lang.switch': '语言',

  'common.loading': '加载中…',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.ok': '确定',
  'common.edit': '编辑',
  'common.delete': '删除',
  'common.search': '搜索',
  'common.reset': '重置',
  'common.actions': '操作',
  'common.none': '无',
  'common.copy': '复制',
  'common.copied': '已复制',
  'common.saved': '已保存',
  'common.networkError': '网络错误，请稍后重试',
  'common.required': '请填写{label}',
  'common.passwordMin': '密码至少 10 个字符',
  'common.passwordMismatch': '两次输入的密码不一致',
  'common.backHome': '返回首页',
  'common.notFound': '页面不存在',
  'common.forbidden': '没有访问权限',
  'common.retry': '重试',

  'setup.title': '首次设置',
  'setup.intro': '选择本级行政区划并创建系统管理员。系统将按真实区划自动建立本级单位及其下属乡镇、街道。',
  'setup.region': '行政区划',
  'setup.regionPlaceholder': '输入名称搜索，如 兰溪',
  'setup.username': '管理员用户名',
  'setup.displayName': '显示名称',
  'setup.password': '密码',
  'setup.passwordConfirm': '确认密码',
  'setup.submit': '完成设置',
  'setup.done': '设置完成，已创建 {count} 个单位',

  'login.title': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',

  'nav.dashboard': '驾驶舱',
  'nav.projects': '项目库',
  'nav.projectLists': '四张清单',
  'nav.imports': '导入台账',
  'nav.lightRules': '亮灯规则',
  'nav.reports': '月报',
  'nav.targets': '目标任务',
  'nav.races': '赛马',
  'nav.bulletins': '通报',
  'nav.units': '单位管理',
  'nav.users': '用户管理',
  'nav.audit': '审计日志',
  'nav.tokens': 'API 令牌',
  'nav.menu': '菜单',
  'nav.logout': '退出登录',

  'units.title': '单位管理',
  'units.tree': '单位树',
  'units.empty': '暂无单位',
  'units.selectHint': '请在左侧选择一个单位',
  'units.name': '单位名称',
  'units.kind': '单位类型',
  'units.regionCode': '区划代码',
  'units.parent': '上级单位',
  'units.childCount': '下级单位数',
  'units.userCount': '用户数',
  'units.addChild': '新增下级单位',
  'units.editTitle': '编辑单位',
  'units.deleteConfirm': '确定删除单位“{name}”吗？',
  'units.deleteHint': '仅可删除没有下级单位和用户的单位。',
  'units.deleted': '已删除',
  'units.created': '已新增单位',
  'units.regionCodeOptional': '区划代码（可选）',

  'users.title': '用户管理',
  'users.create': '新建用户',
  'users.editTitle': '编辑用户',
  'users.username': '用户名',
  'users.displayName': '姓名',
  'users.role': '角色',
  'users.unit': '所属单位',
  'users.status': '状态',
  'users.createdAt': '创建时间',
  'users.active': '启用',
  'users.inactive': '停用',
  'users.password': '密码',
  'users.newPassword': '新密码（留空则不修改）',
  'users.searchPlaceholder': '搜索用户名或姓名',
  'users.unitFilter': '按单位筛选',
  'users.created': '已创建用户',

  'audit.title': '审计日志',
  'audit.at': '时间',
  'audit.actor': '操作人',
  'audit.action': '操作',
  'audit.objectType': '对象类型',
  'audit.objectId': '对象 ID',
  'audit.summary': '摘要',
  'audit.before': '变更前',
  'audit.after': '变更后',
  'audit.dateRange': '时间范围',
  'audit.loadMore': '加载更多',
  'audit.noMore': '没有更多了',
  'audit.filter': '查询',
  'audit.type.project': '项目',
  'audit.type.unit': '单位',
  'audit.type.user': '用户',
  'audit.type.token': 'API 令牌',
  'audit.type.session': '登录会话',
  'audit.type.setup': '首次设置',

  'tokens.title': 'API 令牌',
  'tokens.intro': 'API 令牌用于系统对接，请求时使用 Authorization: Bearer <令牌>。令牌拥有您的全部权限，请妥善保管。',
  'tokens.name': '名称',
  'tokens.createdAt': '创建时间',
  'tokens.lastUsedAt': '最近使用',
  'tokens.never': '从未使用',
  'tokens.create': '新建令牌',
  'tokens.namePlaceholder': '如：数据对接',
  'tokens.revoke': '吊销',
  'tokens.revokeConfirm': '确定吊销令牌“{name}”吗？使用它的对接将立即失效。',
  'tokens.revoked': '已吊销',
  'tokens.createdTitle': '令牌已创建',
  'tokens.showOnce': '令牌只显示这一次，请立即复制并妥善保存。',

  'role.admin': '系统管理员',
  'role.coordinator': '项目办',
  'role.unit_editor': '单位填报员',
  'role.leader': '领导',
  'role.enterprise': '企业',
  'role.auditor': '审计/纪委',

  'kind.county': '县市区',
  'kind.street': '街道',
  'kind.township': '乡镇',
  'kind.department': '部门',
  'kind.platform': '平台',
  'kind.village': '村/社区',
  'kind.other': '其他',
};

/** Every UI string key; the English table must have exactly the same keys. */
export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'brand.name': 'Lantern',
  'brand.full': 'Lantern · Project Performance Platform',
  'brand.subtitle': 'Project Performance Platform',
  'lang.switch': 'Language',

  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.ok': 'OK',
  'common.edit': 'Edit',
  'common.delete': 'Delete',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.actions': 'Actions',
  'common.none': 'None',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.saved': 'Saved',
  'common.networkError': 'Network error, please try again',
  'common.required': 'Please enter {label}',
  'common.passwordMin': 'The password needs at least 10 characters',
  'common.passwordMismatch': 'The passwords do not match',
  'common.backHome': 'Back to start',
  'common.notFound': 'Page not found',
  'common.forbidden': 'You may not open this page',
  'common.retry': 'Retry',

  'setup.title': 'First-run setup',
  'setup.intro':
    'Pick your administrative region and create the administrator. Lantern creates your units and their townships and streets from the official division list.',
  'setup.region': 'Region',
  'setup.regionPlaceholder': 'Type to search, e.g. 兰溪',
  'setup.username': 'Admin username',
  'setup.displayName': 'Display name',
  'setup.password': 'Password',
  'setup.passwordConfirm': 'Confirm password',
  'setup.submit': 'Finish setup',
  'setup.done': 'Setup complete, {count} units created',

  'login.title': 'Sign in',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',

  'nav.dashboard': 'Dashboard',
  'nav.projects': 'Project library',
  'nav.projectLists': 'Four lists',
  'nav.imports': 'Import ledgers',
  'nav.lightRules': 'Light rules',
  'nav.reports': 'Monthly reports',
  'nav.targets': 'Targets',
  'nav.races': 'Horse race',
  'nav.bulletins': 'Bulletins',
  'nav.units': 'Units',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.tokens': 'API tokens',
  'nav.menu': 'Menu',
  'nav.logout': 'Sign out',

  'units.title': 'Units',
  'units.tree': 'Unit tree',
  'units.empty': 'No units yet',
  'units.selectHint': 'Select a unit on the left',
  'units.name': 'Name',
  'units.kind': 'Kind',
  'units.regionCode': 'Region code',
  'units.parent': 'Parent unit',
  'units.childCount': 'Sub-units',
  'units.userCount': 'Users',
  'units.addChild': 'Add sub-unit',
  'units.editTitle': 'Edit unit',
  'units.deleteConfirm': 'Delete the unit “{name}”?',
  'units.deleteHint': 'Only units without sub-units and users can be deleted.',
  'units.deleted': 'Deleted',
  'units.created': 'Unit added',
  'units.regionCodeOptional': 'Region code (optional)',

  'users.title': 'Users',
  'users.create': 'New user',
  'users.editTitle': 'Edit user',
  'users.username': 'Username',
  'users.displayName': 'Name',
  'users.role': 'Role',
  'users.unit': 'Unit',
  'users.status': 'Status',
  'users.createdAt': 'Created',
  'users.active': 'Active',
  'users.inactive': 'Disabled',
  'users.password': 'Password',
  'users.newPassword': 'New password (leave empty to keep)',
  'users.searchPlaceholder': 'Search username or name',
  'users.unitFilter': 'Filter by unit',
  'users.created': 'User created',

  'audit.title': 'Audit log',
  'audit.at': 'Time',
  'audit.actor': 'Actor',
  'audit.action': 'Action',
  'audit.objectType': 'Object type',
  'audit.objectId': 'Object ID',
  'audit.summary': 'Summary',
  'audit.before': 'Before',
  'audit.after': 'After',
  'audit.dateRange': 'Date range',
  'audit.loadMore': 'Load more',
  'audit.noMore': 'No more events',
  'audit.filter': 'Search',
  'audit.type.project': 'Project',
  'audit.type.unit': 'Unit',
  'audit.type.user': 'User',
  'audit.type.token': 'API token',
  'audit.type.session': 'Session',
  'audit.type.setup': 'Setup',

  'tokens.title': 'API tokens',
  'tokens.intro':
    'API tokens let other systems call Lantern with Authorization: Bearer <token>. A token carries all your permissions: keep it safe.',
  'tokens.name': 'Name',
  'tokens.createdAt': 'Created',
  'tokens.lastUsedAt': 'Last used',
  'tokens.never': 'Never',
  'tokens.create': 'New token',
  'tokens.namePlaceholder': 'e.g. data exchange',
  'tokens.revoke': 'Revoke',
  'tokens.revokeConfirm': 'Revoke the token “{name}”? Integrations using it stop working at once.',
  'tokens.revoked': 'Revoked',
  'tokens.createdTitle': 'Token created',
  'tokens.showOnce': 'The token is shown only this once. Copy it now and keep it safe.',

  'role.admin': 'Administrator',
  'role.coordinator': 'Project office',
  'role.unit_editor': 'Unit editor',
  'role.leader': 'Leader',
  'role.enterprise': 'Enterprise',
  'role.auditor': 'Auditor',

  'kind.county': 'County/district',
  'kind.street': 'Street',
  'kind.township': 'Township',
  'kind.department': 'Department',
  'kind.platform': 'Platform',
  'kind.village': 'Village/community',
  'kind.other': 'Other',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export const ROLES = ['admin', 'coordinator', 'unit_editor', 'leader', 'enterprise', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['county', 'street', 'township', 'department', 'platform', 'village', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Translates a key, filling `{name}` placeholders from vars. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = dictionaries[lang][key] ?? zh[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Label of a role code; unknown codes are shown as they are. */
export function roleLabel(lang: Lang, role: string): string {
  return (ROLES as readonly string[]).includes(role) ? translate(lang, `role.${role}` as MessageKey) : role;
}

/** Label of a unit kind code; unknown codes are shown as they are. */
export function kindLabel(lang: Lang, kind: string): string {
  return (UNIT_KINDS as readonly string[]).includes(kind) ? translate(lang, `kind.${kind}` as MessageKey) : kind;
}

/** The stored choice, Chinese unless the user switched to English before. */
export function loadLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  roleLabel: (role: string) => string;
  kindLabel: (kind: string) => string;
}

/** Builds the context value for one language. */
export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return {
    lang,
    setLang,
    t: (key, vars) => translate(lang, key, vars),
    roleLabel: (role) => roleLabel(lang, role),
    kindLabel: (kind) => kindLabel(lang, kind),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('zh-CN', () => {}));

/** The current language, its translator and label helpers. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
