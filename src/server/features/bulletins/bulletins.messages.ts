/**
 * Messages of the check before publishing a bulletin (发布前检查) and of corrections (更正通报), installed
 * into the one message table by the feature index. CHECK_<code> is one finding of src/domain/race/publish-check.ts;
 * {units} is a list of unit names, already joined in the reader's language.
 */
export const BULLETIN_MESSAGES = {
  CHECK_PERIOD_NOT_ENDED: {
    'zh-CN': '{period}尚未结束，不能发布通报',
    en: '{period} has not ended yet; it cannot be published',
  },
  CHECK_WEIGHTS_NOT_100: {
    'zh-CN': '指标权重合计为 {sum}，应为 100，不能发布通报',
    en: 'The weights add up to {sum}, not 100: the bulletin cannot be published',
  },
  CHECK_NO_TARGET: {
    'zh-CN': '{n} 个单位未设“{indicator}”目标，该项不得分（按 0 分计入总分）：{units}',
    en: '{n} unit(s) have no target for "{indicator}" and score nothing on it (0 in the total): {units}',
  },
  CHECK_BAD_TARGET: {
    'zh-CN': '{n} 个单位的“{indicator}”目标不大于 0，无法计算完成率，该项不得分：{units}',
    en: '{n} unit(s) have a target of 0 or less for "{indicator}", which cannot be divided by; they score nothing on it: {units}',
  },
  CHECK_NO_VALUE: {
    'zh-CN': '{n} 个单位未录入截至{month}月的“{indicator}”数据，该项不得分：{units}',
    en: '{n} unit(s) have no "{indicator}" figure entered through month {month}; they score nothing on it: {units}',
  },
  CHECK_GROUP_TOO_SMALL: {
    'zh-CN':
      '“{group}”仅 {n} 个单位参评，少于“骏马”“蜗牛”名额之和（{topN}+{bottomN}），本组不通报“骏马”“蜗牛”：{units}',
    en: '"{group}" ranks only {n} unit(s), fewer than the {topN} leaders and {bottomN} laggards named: this group names neither: {units}',
  },
  CHECK_UNITS_MORE: { 'zh-CN': '{units}等 {n} 个单位', en: '{units} and {more} more' },
  BULLETIN_CHECK_UNACKNOWLEDGED: {
    'zh-CN': '发布前检查发现 {n} 个问题，请核实后确认“仍要发布”',
    en: 'The check before publishing found {n} problem(s); review them and confirm to publish anyway',
  },
  BULLETIN_SUPERSEDED: {
    'zh-CN': '《{title}》（{docNumber}）已被《{byTitle}》（{byDocNumber}）更正，只能更正本期最新的通报',
    en: '"{title}" ({docNumber}) has already been corrected by "{byTitle}" ({byDocNumber}); only the newest bulletin of a period can be corrected',
  },
  BULLETIN_RACE_CHANGED: {
    'zh-CN': '该赛马的考核周期已改变，不能再更正{period}的通报',
    en: 'The race’s period kind has changed since; the bulletin for {period} can no longer be corrected',
  },
  BULLETIN_TITLE_TOO_LONG: {
    'zh-CN': '标题不能超过 {max} 个字符，请另拟标题',
    en: 'The title cannot exceed {max} characters; choose a shorter one',
  },
  BULLETINS_UNCHANGED: {
    'zh-CN': '已发布的{list}不会随之改变，如需更正请发布更正通报',
    en: 'The published {list} will not change with it; to correct it, issue a correction',
  },
} as const;
