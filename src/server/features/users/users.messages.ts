/** Messages of accounts and roles. Installed into the one message table by the feature index. */
export const USER_MESSAGES = {
  DUPLICATE_USERNAME: { 'zh-CN': '用户名“{username}”已被使用', en: 'The username "{username}" is already taken' },
  ROLE_NOT_GRANTABLE: { 'zh-CN': '您不能授予“{role}”角色', en: 'You may not grant the role "{role}"' },
  PASSWORD_WEAK: { 'zh-CN': '密码不能与用户名相同', en: 'The password must differ from the username' },
  SELF_DEMOTION: {
    'zh-CN': '不能停用自己的账号或更改自己的角色',
    en: 'You cannot disable your own account or change your own role',
  },
} as const;
