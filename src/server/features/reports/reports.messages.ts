/** Messages of monthly reports (月报). Installed into the one message table by the feature index. */
export const REPORT_MESSAGES = {
  REPORT_ABOVE_TOTAL: {
    'zh-CN': '本月完成投资不能超过项目总投资',
    en: "The month's amount cannot exceed the project's total investment",
  },
  REPORT_MOVED_MEANWHILE: {
    'zh-CN': '这份月报刚刚被他人处理（报送、审核或退回），请刷新后查看',
    en: 'Someone acted on this report a moment ago (submitted, approved or returned it); reload to see it',
  },
  REPORT_CHANGED_SINCE_SEEN: {
    'zh-CN': '这份月报在您查看后又重新报送过，请刷新后再审核',
    en: 'This report was submitted again after you looked at it; reload and review it again',
  },
  REPORT_REMINDER_DUPLICATE: {
    'zh-CN': '同一个单位在催报名单中出现了两次',
    en: 'The same unit appears twice in the reminder',
  },
  REPORT_REMINDER_ALL_FILED: {
    'zh-CN': '{unit}{year}年{month}月的月报已全部报送，无需催报',
    en: '{unit} has filed every report due for {year}-{month}; there is nothing to remind it of',
  },
  REPORT_REMINDER_NOTHING_DUE: {
    'zh-CN': '该单位{year}年{month}月没有需要报送的月报',
    en: 'This unit has no reports due for {year}-{month}',
  },
  REPORT_REMINDER_NO_EDITOR: {
    'zh-CN': '{unit}还没有填报员账号，无法催报，请先为该单位添加填报员',
    en: '{unit} has no reporter account to remind; add one for the unit first',
  },
  REPORT_BATCH_DUPLICATE: {
    'zh-CN': '同一份月报在批量审核中出现了两次',
    en: 'The same report appears twice in the batch',
  },
  REPORT_FILING_DUPLICATE: {
    'zh-CN': '同一个项目在本月填报中出现了两次',
    en: 'The same project appears twice in the filing',
  },
  REPORT_APPROVED: {
    'zh-CN': '已审核的月报不能修改；如需更正，请提交更正并说明原因',
    en: 'An approved report cannot be changed; file a correction with a reason',
  },
  REPORT_WRONG_STATE: {
    'zh-CN': '“{state}”状态的月报不能{action}',
    en: 'A report that is "{state}" cannot be {action}',
  },
  REPORT_FUTURE: {
    'zh-CN': '{year}年{month}月尚未到来，不能填报',
    en: '{year}-{month} has not begun; it cannot be reported yet',
  },
  REPORT_DUPLICATE: {
    'zh-CN': '该项目 {year}年{month}月的月报已存在',
    en: 'This project already has a report for {year}-{month}',
  },
  REPORT_NOT_APPROVED: {
    'zh-CN': '只有已审核的月报才需要更正；未审核的可直接修改',
    en: 'Only an approved report takes a correction; edit an unapproved one directly',
  },
  REPORT_CORRECTION_PENDING: {
    'zh-CN': '该月已有一份更正在审核中',
    en: 'A correction for this month is already under review',
  },
} as const;
