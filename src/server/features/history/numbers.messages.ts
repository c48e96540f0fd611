/** Messages of figures as of a moment and the records behind them (DESIGN §3.12a). */
export const NUMBER_MESSAGES = {
  AS_OF_FORMAT: {
    'zh-CN': '截至日期“{value}”无法识别，请写作 2026-10-31',
    en: 'The as-of date "{value}" is not a date; write it as 2026-10-31',
  },
  AS_OF_FUTURE: { 'zh-CN': '截至日期“{value}”还未到来', en: 'The as-of date "{value}" is in the future' },
  AS_OF_BEFORE_SETUP: {
    'zh-CN': '截至日期“{value}”早于本系统启用之时，那时还没有数据',
    en: 'The as-of date "{value}" is before the county was set up; there were no figures then',
  },
  PERIOD_NOT_ENDED: { 'zh-CN': '{period}尚未结束，不能排名', en: '{period} has not ended yet; it cannot be ranked' },
  RECORDS_NONE: {
    'zh-CN': '该指标为手工填报的统计数据，没有可追溯的项目清单',
    en: 'This indicator is a statistic entered by hand; there are no records behind it',
  },
} as const;
