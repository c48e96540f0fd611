/** Messages of light rules (亮灯规则) and exemptions. Installed into the one message table by the feature index. */
export const LIGHT_MESSAGES = {
  EXEMPTION_PAST: { 'zh-CN': '豁免截止日期 {until} 已过', en: 'The exemption end date {until} has passed' },
  RULE_NOT_AN_OBJECT: { 'zh-CN': '亮灯规则格式不正确', en: 'The light rules are not in the right format' },
  RULE_BAD_VERSION: { 'zh-CN': '亮灯规则版本号不正确', en: 'The rule-set version is not valid' },
  RULE_UNKNOWN_DIMENSION: { 'zh-CN': '不认识的亮灯维度：{dimension}', en: 'Unknown light dimension: {dimension}' },
  RULE_UNKNOWN_FIELD: {
    'zh-CN': '{dimension}规则中不认识的字段：{field}',
    en: 'Unknown field in the {dimension} rules: {field}',
  },
  RULE_NOT_A_BOOLEAN: {
    'zh-CN': '{dimension}规则的 {field} 应为是/否',
    en: '{dimension} rules: {field} must be true or false',
  },
  RULE_NOT_A_NUMBER: {
    'zh-CN': '{dimension}规则的 {field} 应为数字',
    en: '{dimension} rules: {field} must be a number',
  },
  RULE_NOT_AN_INTEGER: {
    'zh-CN': '{dimension}规则的 {field} 应为整数',
    en: '{dimension} rules: {field} must be a whole number',
  },
  RULE_NEGATIVE: {
    'zh-CN': '{dimension}规则的 {field} 不能为负数',
    en: '{dimension} rules: {field} cannot be negative',
  },
  RULES_CHANGED_MEANWHILE: {
    'zh-CN': '亮灯规则刚刚被他人修改，请刷新后在新版本上重新修改',
    en: 'Someone changed the light rules a moment ago; reload and make your change on the new version',
  },
  RULE_OUT_OF_RANGE: {
    'zh-CN': '{dimension}规则的 {field} 超出允许范围',
    en: '{dimension} rules: {field} is out of range',
  },
  RULE_INVERTED: {
    'zh-CN': '{dimension}规则：黄灯阈值不能高于红灯阈值（{field}）',
    en: '{dimension} rules: the yellow threshold cannot be above the red one ({field})',
  },
} as const;
