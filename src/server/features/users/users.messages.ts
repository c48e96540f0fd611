/** Messages of accounts and roles. Installed into the one message table by the feature index. */
export const USER_MESSAGES = {
  DUPLICATE_USERNAME: { 'zh-CN': '用户名“{username}”已被使用', en: 'The username "{username}" is already taken' },
  ROLE_NOT_GRANTABLE: { 'zh-CN': '您不能授予“{role}”角色', en: 'You may not grant the role "{role}"' },
  PASSWORD_WEAK: { 'zh-CN': '密码不能与用户名相同', en: 'The password must differ from the username' },
  PASSWORD_TOO_SHORT: { 'zh-CN': '密码至少 {n} 个字符', en: 'Password must have at least {n} characters' },
  PASSWORD_TOO_LONG: { 'zh-CN': '密码最多 {n} 个字符', en: 'Password must have at most {n} characters' },
  PASSWORD_PATTERN: {
    'zh-CN': '密码过于简单（重复或连续的字符），请换一个更长、更难猜的密码',
    en: 'Password is too predictable (repeated or sequential characters); choose a longer, less guessable one',
  },
  PASSWORD_COMMON: {
    'zh-CN': '密码在常见或已泄露的密码列表中，请换一个',
    en: 'Password is in a list of common or breached passwords; choose another',
  },
  PASSWORD_HAS_USERNAME: { 'zh-CN': '密码不能包含用户名', en: 'Password must not contain the username' },
  PASSWORD_HAS_PRODUCT: {
    'zh-CN': '密码不能包含产品名称（lantern、亮灯）',
    en: 'Password must not contain the product name (lantern, 亮灯)',
  },
  PASSWORD_DEMO: {
    'zh-CN': '密码不能使用演示县的公开密码',
    en: 'Password must not be the demo county’s public password',
  },
  PASSWORD_BY_TOKEN: {
    'zh-CN': 'API 令牌不能修改密码，请登录后修改',
    en: 'An API token cannot change passwords; sign in to do it',
  },
  USER_ENTERPRISE_ONLY: {
    'zh-CN': '只有企业账号可以关联企业',
    en: 'Only an enterprise account belongs to an enterprise',
  },
  USER_ENTERPRISE_UNKNOWN: {
    'zh-CN': '所属企业不存在或不在您的管理范围内',
    en: 'The enterprise does not exist or is outside what you manage',
  },
  SELF_DEMOTION: {
    'zh-CN': '不能停用自己的账号或更改自己的角色',
    en: 'You cannot disable your own account or change your own role',
  },
} as const;
