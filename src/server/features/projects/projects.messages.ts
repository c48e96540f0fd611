/** Messages of the project ledger: codes, amounts in 万元, dates, stages and annual plans. Installed into the one message table by the feature index. */
export const PROJECT_MESSAGES = {
  P_UNKNOWN_INDUSTRY: {
    'zh-CN': '行业代码“{code}”不在国民经济行业分类（GB/T 4754-2017）中',
    en: 'Industry code "{code}" is not in GB/T 4754-2017',
  },
  P_CODE_FORMAT: {
    'zh-CN': '项目代码应为 24 位：YYMM-RRRRRR-DD-TT-NNNNNN',
    en: 'The project code must have 24 characters: YYMM-RRRRRR-DD-TT-NNNNNN',
  },
  P_CODE_MONTH: {
    'zh-CN': '项目代码第 3–4 位是赋码月份，应在 01–12 之间',
    en: 'Characters 3–4 of the project code are the month, 01–12',
  },
  P_DUPLICATE_CODE: {
    'zh-CN': '项目代码 {code} 已被项目“{name}”使用',
    en: 'Project code {code} is already used by "{name}"',
  },
  P_DUPLICATE_CODE_HIDDEN: {
    'zh-CN': '项目代码 {code} 已被其他项目使用',
    en: 'Project code {code} is already used by another project',
  },
  P_PAGE_AND_CURSOR: {
    'zh-CN': '页码（page）与游标（cursor）只能二选一',
    en: 'Give either a page number (page) or a cursor, not both',
  },
  P_NOT_TOWNSHIP: { 'zh-CN': '所在乡镇应选择一个乡镇或街道', en: 'The location must be a township or street' },
  MONEY_FORMAT: {
    'zh-CN': '{field}应为以万元计的金额，如 1234.56',
    en: '{field} must be an amount in 万元, e.g. 1234.56',
  },
  MONEY_NEGATIVE: { 'zh-CN': '{field}不能为负数', en: '{field} cannot be negative' },
  MONEY_TOO_LARGE: {
    'zh-CN': '{field}超过 1 万亿元，请检查单位是否为万元',
    en: '{field} exceeds 1 trillion yuan; is the unit 万元?',
  },
  MONEY_PRECISION: {
    'zh-CN': '{field}最多保留 4 位小数（精确到元）',
    en: '{field} allows at most 4 decimals (one yuan)',
  },
  MONEY_ZERO: { 'zh-CN': '{field}必须大于 0', en: '{field} must be greater than 0' },
  DATE_ORDER: { 'zh-CN': '{later}不能早于{earlier}', en: '{later} cannot be before {earlier}' },
  FUTURE_ACTUAL: { 'zh-CN': '{field}（{date}）不能晚于今天', en: '{field} ({date}) cannot be in the future' },
  STAGE_NEEDS_DATE: {
    'zh-CN': '处于“{stage}”阶段的项目须填写{field}',
    en: 'A project at stage "{stage}" needs {field}',
  },
  DATE_BEFORE_STAGE: {
    'zh-CN': '“{stage}”阶段的项目尚未开工，不应有实际开工日期',
    en: 'A project at stage "{stage}" has not started and cannot have an actual start date',
  },
  FIXED_ABOVE_TOTAL: { 'zh-CN': '固定资产投资不能超过总投资', en: 'Fixed-asset investment cannot exceed the total' },
  PLANS_ABOVE_TOTAL: {
    'zh-CN': '各年度计划投资之和不能超过总投资',
    en: 'The annual plans cannot add up to more than the total',
  },
  T_FORBIDDEN: {
    'zh-CN': '不能从“{from}”变更为“{to}”；可变更为：{allowed}',
    en: 'Cannot move from "{from}" to "{to}"; allowed: {allowed}',
  },
  T_MISSING: { 'zh-CN': '变更为“{to}”须填写{field}', en: 'Moving to "{to}" needs {field}' },
  T_SAME: { 'zh-CN': '项目已处于“{to}”阶段', en: 'The project is already at "{to}"' },
  CURVE_INVALID: {
    'zh-CN': '{year} 年的月度计划曲线应为 12 个逐月不减的累计百分比，最后一个为 100',
    en: 'The {year} monthly curve must be 12 non-decreasing cumulative percentages ending at 100',
  },
  DUPLICATE_YEAR: {
    'zh-CN': '年度计划中 {year} 年出现了两次',
    en: 'The year {year} appears twice in the annual plans',
  },
} as const;
