/** Messages of reading and exporting the audit trail. */
export const AUDIT_MESSAGES = {
  AUDIT_PAGE_AND_CURSOR: {
    'zh-CN': '页码与翻页游标只能选一种：按页码翻页时请去掉 cursor',
    en: 'Page by page number or by cursor, not both: leave out cursor when giving page',
  },
  AUDIT_EXPORT_TOO_MANY: {
    'zh-CN': '筛选出的审计记录共 {count} 条，超过一次导出的上限 {max} 条；请缩短时间范围或选择对象类型后再导出',
    en: 'The filters match {count} audit events, more than the {max} one export can hold; narrow the dates or choose an object type',
  },
} as const;
