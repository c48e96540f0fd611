/** Messages of the reporting calendar and month locks. Installed into the one message table by the feature index. */
export const REPORT_SETTINGS_MESSAGES = {
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
} as const;
