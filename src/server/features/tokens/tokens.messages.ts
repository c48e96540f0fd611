/** Messages of API tokens. Installed into the one message table by the feature index. */
export const TOKEN_MESSAGES = {
  TOKEN_READ_ONLY: {
    'zh-CN': '此 API 令牌为只读，不能修改数据',
    en: 'This API token is read-only and cannot change anything',
  },
  TOKEN_MANAGES_NO_TOKENS: {
    'zh-CN': 'API 令牌不能查看、新建或吊销令牌，请登录后操作',
    en: 'An API token cannot list, create or revoke tokens; sign in to do it',
  },
} as const;
