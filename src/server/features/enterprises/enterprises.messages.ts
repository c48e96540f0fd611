/** Messages of the enterprise registry. Installed into the one message table by the feature index. */
export const ENTERPRISE_MESSAGES = {
  CREDIT_CODE_LENGTH: {
    'zh-CN': '统一社会信用代码应为 18 位，“{code}”是 {length} 位',
    en: 'A unified social credit code has 18 characters; "{code}" has {length}',
  },
  CREDIT_CODE_CHARSET: {
    'zh-CN': '统一社会信用代码“{code}”含有不允许的字符（不使用 I、O、S、V、Z）',
    en: 'The credit code "{code}" holds a character codes never use (I, O, S, V, Z are not used)',
  },
  CREDIT_CODE_REGION: {
    'zh-CN': '统一社会信用代码“{code}”的第 3–8 位应为行政区划代码（6 位数字）',
    en: 'Characters 3–8 of the credit code "{code}" must be a six-digit region code',
  },
  CREDIT_CODE_CHECK: {
    'zh-CN': '统一社会信用代码“{code}”的校验位不对，请核对是否录错',
    en: 'The check character of the credit code "{code}" is wrong: please check it for a typing error',
  },
  CREDIT_CODE_TAKEN: {
    'zh-CN': '统一社会信用代码“{code}”已登记为“{name}”',
    en: 'The credit code "{code}" is already registered to "{name}"',
  },
  ENTERPRISE_PHONE: {
    'zh-CN': '联系人“{name}”的电话“{phone}”不是手机号或固定电话（如 13800000000、0579-88888888）',
    en: 'The phone "{phone}" of contact "{name}" is neither a mobile nor a landline number (e.g. 13800000000, 0579-88888888)',
  },
  ENTERPRISE_FLAGS_CONFLICT: {
    'zh-CN': '“上市”和“拟上市”不能同时选择',
    en: '"Listed" and "to be listed" cannot both be chosen',
  },
  ENTERPRISE_INDUSTRY: {
    'zh-CN': '行业代码“{code}”不是国民经济行业分类（GB/T 4754）的大类',
    en: 'The industry code "{code}" is not a GB/T 4754 division',
  },
  ENTERPRISE_TOWNSHIP: {
    'zh-CN': '所在乡镇应为本县的乡镇或街道',
    en: 'The township must be one of the county’s townships or streets',
  },
  LICENCE_DATES: {
    'zh-CN': '证照有效期至（{to}）早于有效期起（{from}）',
    en: 'The licence ends ({to}) before it starts ({from})',
  },
} as const;
