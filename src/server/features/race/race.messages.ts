/**
 * Messages of targets, races and bulletins, installed into the one message table by the feature index. Race
 * configuration errors are keyed RACE_<code of src/domain/race/config-error.ts>, with {field} the
 * path of the offending field as the request has it (e.g. indicators.1.weight).
 */
export const RACE_MESSAGES = {
  RACE_NOT_AN_OBJECT: {
    'zh-CN': '赛马设置格式不正确（{field}）',
    en: 'The race settings are not in the right format ({field})',
  },
  RACE_NOT_A_LIST: { 'zh-CN': '{field} 应为列表', en: '{field} must be a list' },
  RACE_UNKNOWN_FIELD: { 'zh-CN': '赛马设置中不认识的字段：{field}', en: 'Unknown field in the race settings: {field}' },
  RACE_REQUIRED: { 'zh-CN': '{field} 不能为空', en: '{field} is required' },
  RACE_NOT_A_NUMBER: { 'zh-CN': '{field} 应为数字', en: '{field} must be a number' },
  RACE_NOT_AN_INTEGER: { 'zh-CN': '{field} 应为整数', en: '{field} must be a whole number' },
  RACE_NEGATIVE: { 'zh-CN': '{field} 不能为负数', en: '{field} cannot be negative' },
  RACE_BAD_NAME: { 'zh-CN': '赛马名称应为 1–100 个字符', en: 'The race name must have 1 to 100 characters' },
  RACE_BAD_LABEL: { 'zh-CN': '分组名称不正确（{field}）', en: 'The group label is not valid ({field})' },
  RACE_BAD_PERIOD_KIND: { 'zh-CN': '赛马周期只能是月、季度或年', en: 'The period must be month, quarter or year' },
  RACE_NO_GROUPS: { 'zh-CN': '至少需要一个比拼分组', en: 'A race needs at least one peer group' },
  RACE_BAD_GROUP_KEY: { 'zh-CN': '分组标识不正确（{field}）', en: 'The group key is not valid ({field})' },
  RACE_DUPLICATE_GROUP: { 'zh-CN': '分组重复（{field}）', en: 'Duplicate group ({field})' },
  RACE_NO_UNIT_KINDS: {
    'zh-CN': '分组应至少包含一种单位类型（{field}）',
    en: 'A group needs at least one unit kind ({field})',
  },
  RACE_UNKNOWN_UNIT_KIND: { 'zh-CN': '不认识的单位类型（{field}）', en: 'Unknown unit kind ({field})' },
  RACE_UNIT_KIND_IN_TWO_GROUPS: {
    'zh-CN': '同一类单位不能同时在两个分组中比拼（{field}）',
    en: 'A unit kind cannot be in two groups ({field})',
  },
  RACE_NO_INDICATORS: { 'zh-CN': '赛马至少需要一项指标', en: 'A race needs at least one indicator' },
  RACE_UNKNOWN_INDICATOR: {
    'zh-CN': '指标库中没有这项指标（{field}）',
    en: 'No such indicator in the library ({field})',
  },
  RACE_DUPLICATE_INDICATOR: {
    'zh-CN': '同一指标出现了两次（{field}）',
    en: 'The same indicator appears twice ({field})',
  },
  RACE_WEIGHT_NOT_POSITIVE: {
    'zh-CN': '指标权重应大于 0（{field}）',
    en: 'An indicator’s weight must be above 0 ({field})',
  },
  RACE_WEIGHT_NOT_USED: {
    'zh-CN': '扣分类指标不占权重，权重应为 0（{field}）',
    en: 'A deduction takes no weight; set it to 0 ({field})',
  },
  RACE_UNKNOWN_METHOD: { 'zh-CN': '不认识的计分方法（{field}）', en: 'Unknown scoring method ({field})' },
  RACE_METHOD_NOT_FOR_INDICATOR: {
    'zh-CN': '该计分方法不适用于这项指标（{field}）',
    en: 'This scoring method does not suit the indicator ({field})',
  },
  RACE_UNKNOWN_PARAM: {
    'zh-CN': '计分方法中不认识的参数（{field}）',
    en: 'Unknown parameter of the scoring method ({field})',
  },
  RACE_CAP_NOT_POSITIVE: { 'zh-CN': '封顶值应大于 0（{field}）', en: 'The cap must be above 0 ({field})' },
  RACE_CAP_BELOW_ONE: { 'zh-CN': '完成率封顶值不能小于 1（{field}）', en: 'The ratio cap cannot be below 1 ({field})' },
  RACE_POINTS_EMPTY: {
    'zh-CN': '名次得分至少要有一档（{field}）',
    en: 'Rank points need at least one entry ({field})',
  },
  RACE_FIRST_POINTS_NOT_POSITIVE: {
    'zh-CN': '第一名得分应大于 0（{field}）',
    en: 'First place must score above 0 ({field})',
  },
  RACE_POINTS_NOT_DESCENDING: {
    'zh-CN': '名次得分应逐名递减（{field}）',
    en: 'Rank points must not increase down the ranks ({field})',
  },
  RACE_BAD_REST: {
    'zh-CN': '其余名次的得分方式只能是 zero 或 last（{field}）',
    en: 'The rest must be "zero" or "last" ({field})',
  },
  RACE_TIERS_EMPTY: {
    'zh-CN': '投资分档至少要有一档（{field}）',
    en: 'At least one investment tier is needed ({field})',
  },
  RACE_TIERS_NOT_ASCENDING: {
    'zh-CN': '投资分档应从小到大排列（{field}）',
    en: 'Tiers must be in ascending order ({field})',
  },
  RACE_PER_EVENT_NOT_POSITIVE: {
    'zh-CN': '每次扣分应大于 0（{field}）',
    en: 'Points per event must be above 0 ({field})',
  },
  RACE_BAD_TOP_N: {
    'zh-CN': '“骏马”名额应为 0–20 的整数',
    en: 'The number of top units must be a whole number from 0 to 20',
  },
  RACE_BAD_BOTTOM_N: {
    'zh-CN': '“蜗牛”名额应为 0–20 的整数',
    en: 'The number of bottom units must be a whole number from 0 to 20',
  },
  RACE_WEIGHTS_NOT_100: {
    'zh-CN': '指标权重合计为 {sum}，应为 100；发布通报前请调整',
    en: 'The weights add up to {sum}, not 100; adjust them before publishing',
  },
  RACE_HAS_BULLETINS: {
    'zh-CN': '该赛马已发布 {n} 期通报，不能删除',
    en: 'This race has {n} published bulletin(s) and cannot be deleted',
  },
  PERIOD_INDEX: { 'zh-CN': '期次应为 1–{max}', en: 'The period must be 1 to {max}' },
  PERIOD_WEEK: {
    'zh-CN': '按周赛马暂不支持排名，请选择按月、季度或年',
    en: 'Weekly races cannot be ranked yet; choose month, quarter or year',
  },
  TARGET_UNKNOWN_INDICATOR: { 'zh-CN': '指标库中没有“{indicator}”', en: 'No indicator "{indicator}" in the library' },
  TARGET_NOT_RANKED: { 'zh-CN': '“{unit}”不参加赛马，不能设置目标', en: '"{unit}" is not ranked and takes no targets' },
  TARGET_NOT_POSITIVE: {
    'zh-CN': '{unit}的“{indicator}”目标应大于 0（按完成率计分需要正数目标）',
    en: '{unit}: the target for "{indicator}" must be above 0 (a ratio needs a positive target)',
  },
  TARGET_NEGATIVE: {
    'zh-CN': '{unit}的“{indicator}”目标不能为负数',
    en: '{unit}: the target for "{indicator}" cannot be negative',
  },
  TARGET_NOT_WHOLE: {
    'zh-CN': '{unit}的“{indicator}”应为整数（{unitOfMeasure}）',
    en: '{unit}: "{indicator}" must be a whole number ({unitOfMeasure})',
  },
  TARGET_TOO_BIG: { 'zh-CN': '{unit}的“{indicator}”数值过大', en: '{unit}: "{indicator}" is implausibly large' },
  VALUE_NOT_MANUAL: {
    'zh-CN': '“{indicator}”由系统根据项目和月报自动计算，无需录入',
    en: '"{indicator}" is computed from projects and reports; it is not entered',
  },
  VALUE_NO_SOURCE: {
    'zh-CN': '请注明{unit}“{indicator}”数据的来源（如县统计局）',
    en: 'Name the source of {unit}’s "{indicator}" figure (e.g. the statistics bureau)',
  },
  VALUE_FUTURE_MONTH: {
    'zh-CN': '{year}年{month}月尚未开始，不能录入该月的统计数据',
    en: '{year}-{month} has not begun; its statistics cannot be entered yet',
  },
  BULLETIN_PUBLISHED: {
    'zh-CN': '{period}的通报已发布（{docNumber}），不能重复发布',
    en: 'The bulletin for {period} is already published ({docNumber})',
  },
  BULLETIN_WEIGHTS: {
    'zh-CN': '指标权重合计为 {sum}，应为 100，不能发布通报',
    en: 'The weights add up to {sum}, not 100: the bulletin cannot be published',
  },
  BULLETIN_FUTURE: {
    'zh-CN': '{period}尚未结束，不能发布通报',
    en: '{period} has not ended yet; it cannot be published',
  },
  // Excel: the ranking and the targets grid taken away, and a targets file brought back.
  TARGETS_IMPORT_PROBLEMS: {
    'zh-CN': '导入的文件有 {count} 处问题，没有保存任何目标：\n{list}',
    en: 'The file has {count} problem(s); no target was saved:\n{list}',
  },
  TARGETS_IMPORT_MORE: { 'zh-CN': '……另有 {count} 处', en: '… and {count} more' },
  TARGETS_IMPORT_NOTHING: {
    'zh-CN': '文件中没有可导入的目标（应有“单位”列和指标列）',
    en: 'The file holds no targets to import (it needs a "Unit" column and indicator columns)',
  },
  TARGETS_SHEET_CELL: { 'zh-CN': '{cell}：{message}', en: '{cell}: {message}' },
  TARGETS_SHEET_NO_HEADER: {
    'zh-CN': '{cell}：找不到表头（前 10 行中应有一行第一列为“单位”）',
    en: '{cell}: no header found (a row among the first 10 should say "Unit" in column A)',
  },
  TARGETS_SHEET_NO_COLUMNS: { 'zh-CN': '{cell}：表头中没有指标列', en: '{cell}: the header names no indicator' },
  TARGETS_SHEET_UNKNOWN_COLUMN: {
    'zh-CN': '{cell}：不认识的列“{text}”（应为指标名称，金额注明万元或亿元）',
    en: '{cell}: unknown column "{text}" (an indicator\'s name; money in 10k or 100M yuan)',
  },
  TARGETS_SHEET_DUPLICATE_COLUMN: {
    'zh-CN': '{cell}：指标“{text}”的列重复',
    en: '{cell}: the column "{text}" appears twice',
  },
  TARGETS_SHEET_UNKNOWN_UNIT: {
    'zh-CN': '{cell}：没有名为“{text}”的单位，或您不能为它设置目标',
    en: '{cell}: there is no unit "{text}", or you cannot set its targets',
  },
  TARGETS_SHEET_DUPLICATE_UNIT: {
    'zh-CN': '{cell}：单位“{text}”出现了两次',
    en: '{cell}: the unit "{text}" appears twice',
  },
  TARGETS_SHEET_NOT_NUMBER: { 'zh-CN': '{cell}：“{text}”不是数字', en: '{cell}: "{text}" is not a number' },
  TARGETS_SHEET_TOO_PRECISE: {
    'zh-CN': '{cell}：“{text}”精确到了元以下',
    en: '{cell}: "{text}" is finer than one yuan',
  },
  TARGETS_SHEET_TOO_LARGE: { 'zh-CN': '{cell}：“{text}”太大', en: '{cell}: "{text}" is too large' },
  XLSX_RANKING_SHEET: { 'zh-CN': '排名', en: 'Ranking' },
  XLSX_RANKING_TITLE: { 'zh-CN': '{race}　{period}排名', en: '{race}: ranking of {period}' },
  XLSX_RANKING_AS_OF: { 'zh-CN': '数据截至 {asOf}', en: 'Figures as of {asOf}' },
  XLSX_RANKING_LIVE: { 'zh-CN': '导出时的实时数据（{at}）', en: 'Live figures at the time of export ({at})' },
  XLSX_RANKING_OWN: {
    'zh-CN': '通报发布前，仅显示本单位的排名',
    en: 'Before the bulletin is published, only your own unit is shown',
  },
  XLSX_RANKING_FILE: { 'zh-CN': '{race}-{period}排名', en: '{race} - ranking {period}' },
  XLSX_CAPTION: { 'zh-CN': '表{number}  {group}（{period}）', en: 'Table {number}  {group} ({period})' },
  XLSX_RANK: { 'zh-CN': '名次', en: 'Rank' },
  XLSX_CHANGE: { 'zh-CN': '名次\n变化', en: 'Change' },
  XLSX_UNIT: { 'zh-CN': '单位', en: 'Unit' },
  XLSX_TOTAL: { 'zh-CN': '总分', en: 'Total' },
  XLSX_WEIGHT: { 'zh-CN': '{indicator}\n（{weight}分）', en: '{indicator}\n(weight {weight})' },
  XLSX_DEDUCTION: { 'zh-CN': '{indicator}\n（扣分）', en: '{indicator}\n(deduction)' },
  XLSX_VALUE: { 'zh-CN': '完成', en: 'Actual' },
  XLSX_TARGET: { 'zh-CN': '目标', en: 'Target' },
  XLSX_SCORE: { 'zh-CN': '得分', en: 'Score' },
  XLSX_IN_UNIT: { 'zh-CN': '{word}\n（{unit}）', en: '{word}\n({unit})' },
  XLSX_YI: { 'zh-CN': '亿元', en: '100M yuan' },
  XLSX_NOTE_noTarget: { 'zh-CN': '无目标', en: 'No target' },
  XLSX_NOTE_badTarget: { 'zh-CN': '目标无效', en: 'Bad target' },
  XLSX_NOTE_noValue: { 'zh-CN': '无数据', en: 'No data' },
  XLSX_TARGETS_SHEET: { 'zh-CN': '目标任务', en: 'Targets' },
  XLSX_TARGETS_NOTE: {
    'zh-CN': '金额单位：万元。修改后可在“目标任务”页“导入 Excel”；空白单元格表示不设目标。',
    en: 'Money in 10k yuan. Edit and bring back with "Import Excel" on the Targets page; an empty cell means no target.',
  },
} as const;
