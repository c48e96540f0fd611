/** Messages of 招商 (deals, teams, the county's lists). Installed into the one message table by the feature index. */
export const DEAL_MESSAGES = {
  /** A refusal worded by a rule of src/domain/deals (its words in both languages come with it). */
  DEAL_RULE: { 'zh-CN': '{zh}', en: '{en}' },
  DEAL_STALE: {
    'zh-CN': '该招商项目刚被他人修改过，请刷新后再操作',
    en: 'Someone has just changed this deal: reload it and try again',
  },
  DEAL_UNKNOWN_OPTION: {
    'zh-CN': '“{field}”没有“{key}”这一项，请从列表中选择',
    en: '"{field}" has no entry "{key}": choose one from the list',
  },
  DEAL_UNKNOWN_RECORD: { 'zh-CN': '所选的“{field}”不存在', en: 'The {field} chosen does not exist' },
  DEAL_LINK_WITHOUT_CHAIN: { 'zh-CN': '请先选择产业链，再选择环节', en: 'Choose the chain before its link' },
  DEAL_NOT_SIGNED: {
    'zh-CN': '只有已签约的招商项目才能转入项目库（当前为“{stage}”）',
    en: 'Only a signed deal converts into a project (this one is "{stage}")',
  },
  DEAL_ALREADY_CONVERTED: {
    'zh-CN': '该招商项目已转入项目库（项目“{project}”），不能重复转入',
    en: 'This deal has already been converted (project "{project}")',
  },
  DEAL_PROJECT_TAKEN: {
    'zh-CN': '项目“{project}”已关联招商项目“{deal}”',
    en: 'Project "{project}" is already linked to deal "{deal}"',
  },
  DEAL_INDUSTRY_REQUIRED: {
    'zh-CN': '转入项目库需填写国民经济行业代码',
    en: 'A project needs its industry code (GB/T 4754)',
  },
  DEAL_DATE_FUTURE: { 'zh-CN': '“{field}”不能晚于今天', en: '"{field}" cannot be later than today' },
  DEAL_DATE_INVALID: {
    'zh-CN': '“{field}”不是有效日期（格式 2026-12-08）',
    en: '"{field}" is not a date (2026-12-08)',
  },
  DEAL_CLOSED: {
    'zh-CN': '该招商项目已“{stage}”，不能再记录',
    en: 'This deal is "{stage}": nothing more can be recorded on it',
  },
  DEAL_TEAM_NAME_TAKEN: { 'zh-CN': '已有名为“{name}”的招商小分队', en: 'A team named "{name}" already exists' },
  DEAL_MEMBER_UNKNOWN: { 'zh-CN': '没有编号为 {id} 的用户', en: 'There is no user {id}' },
  DEAL_RANGE: {
    'zh-CN': '日期范围不正确：开始不能晚于结束，且不超过 93 天',
    en: 'Dates out of order, or more than 93 days apart',
  },
} as const;
