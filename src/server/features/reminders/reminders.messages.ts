/** Messages of the reminders and notification settings. Installed into the one message table by the feature index. */
export const REMINDER_MESSAGES = {
  REMINDER_OFFSETS_COUNT: { 'zh-CN': '提醒时间设 1 至 6 个', en: 'Set 1 to 6 reminder offsets' },
  REMINDER_OFFSETS_RANGE: {
    'zh-CN': '提醒时间应为到期前 1 至 365 天的整数',
    en: 'A reminder offset is a whole number of days from 1 to 365',
  },
  REMINDER_OFFSETS_DUPLICATE: { 'zh-CN': '提醒时间有重复', en: 'A reminder offset is listed twice' },
  NOTIFY_CHANNEL_OFF: {
    'zh-CN': '本系统没有开通“{channel}”通知渠道',
    en: 'The channel "{channel}" is not set up on this server',
  },
  NOTIFY_EMAIL_REQUIRED: { 'zh-CN': '选择邮件通知须填写邮箱', en: 'E-mail notifications need an e-mail address' },
} as const;
