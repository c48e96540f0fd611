/** Messages of the first setup. Installed into the one message table by the feature index. */
export const SETUP_MESSAGES = {
  SETUP_DONE: { 'zh-CN': '系统已完成首次设置，不能重复设置', en: 'Setup has already been done' },
  SETUP_REQUIRED: { 'zh-CN': '系统尚未完成首次设置', en: 'Lantern has not been set up yet' },
  UNKNOWN_REGION: {
    'zh-CN': '行政区划代码 {code} 不存在，或不是县级区划',
    en: 'Region code {code} does not exist or is not a county-level division',
  },
} as const;
