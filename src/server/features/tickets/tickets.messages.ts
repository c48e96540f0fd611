/** Messages of the tickets (涉企问题) and their SLA profiles. Installed into the one message table by the feature index. */
const SLA = (zh: string, en: string) => ({
  'zh-CN': `办理时限设置“{field}”：${zh}`,
  en: `Time limits, "{field}": ${en}`,
});

export const TICKET_MESSAGES = {
  TICKET_DESCRIPTION_REQUIRED: {
    'zh-CN': '请写明问题的具体情况',
    en: 'Describe the problem',
  },
  TICKET_ENTERPRISE_REQUIRED: { 'zh-CN': '请选择问题涉及的企业', en: 'Choose the enterprise concerned' },
  TICKET_PROJECT_NOT_OWNED: {
    'zh-CN': '所选项目不属于“{enterprise}”',
    en: 'The project chosen is not one of "{enterprise}"’s',
  },
  TICKET_SLA_UNKNOWN: { 'zh-CN': '没有名为“{key}”的办理时限', en: 'There are no time limits named "{key}"' },
  TICKET_WRONG_STATE: {
    'zh-CN': '该问题当前不能“{step}”（可能已被他人办理或已办结）',
    en: 'This ticket cannot take the step "{step}" now (someone may have moved it on, or it is closed)',
  },
  TICKET_TEXT_REQUIRED: { 'zh-CN': '请填写说明', en: 'Write what you have to say' },
  TICKET_STALE: {
    'zh-CN': '该问题刚被他人办理过，请刷新后再操作',
    en: 'Someone has just taken a step on this ticket: reload it and try again',
  },
  TICKET_UNIT_REQUIRED: { 'zh-CN': '请选择承办单位', en: 'Choose the handling unit' },
  TICKET_RATING_REQUIRED: { 'zh-CN': '请选择满意度', en: 'Choose a rating' },
  TICKET_APPROVE_REQUIRED: { 'zh-CN': '请选择同意或不同意延期', en: 'Approve or refuse the extension' },
  TICKET_EXTENSION_NOT_ALLOWED: {
    'zh-CN': '该问题的办理时限不允许延期',
    en: 'The time limits of this ticket allow no extension',
  },
  TICKET_EXTENSION_USED: { 'zh-CN': '该问题已申请过延期，只能申请一次', en: 'An extension has already been asked for' },
  TICKET_EXTENSION_LATE: {
    'zh-CN': '延期须在办结期限前申请，该问题已超期',
    en: 'An extension must be asked for before the deadline; this ticket is already past it',
  },
  TICKET_EXTENSION_NOT_ASKED: { 'zh-CN': '该问题没有待审批的延期申请', en: 'No extension is waiting for a decision' },
  TICKET_FILE_TYPE: {
    'zh-CN': '附件“{name}”不是图片（JPG、PNG、WebP）或 PDF 文件',
    en: 'The file "{name}" is neither an image (JPG, PNG, WebP) nor a PDF',
  },
  TICKET_FILE_TOO_LARGE: {
    'zh-CN': '附件“{name}”超过 {mb} MB，请压缩后再上传',
    en: 'The file "{name}" is over {mb} MB: make it smaller and upload it again',
  },
  TICKET_NO_FILE: { 'zh-CN': '请选择要上传的附件', en: 'Choose a file to upload' },
  TICKET_ONE_FILE: { 'zh-CN': '一次上传一个附件', en: 'Upload one file at a time' },
  TICKET_UPLOAD_BROKEN: {
    'zh-CN': '附件没有传完整，请重新上传',
    en: 'The upload did not arrive whole: upload it again',
  },
  TICKET_NOT_MULTIPART: {
    'zh-CN': '上传附件须使用 multipart/form-data',
    en: 'Upload a file as multipart/form-data',
  },
  TICKET_TOO_MANY_FILES: { 'zh-CN': '每个问题最多 {n} 个附件', en: 'A ticket holds at most {n} files' },
  TICKET_CLOSED_FOR_FILES: {
    'zh-CN': '问题已办结，不能再上传附件',
    en: 'The ticket is closed: no more files can be attached',
  },
  SLA_NOT_AN_OBJECT: SLA('格式不对', 'not an object'),
  SLA_UNKNOWN_FIELD: SLA('不认识该项', 'unknown field'),
  SLA_MISSING: SLA('缺少该项', 'missing'),
  SLA_BAD_KEY: SLA('代号只能用小写字母、数字和“-”', 'a key is lowercase letters, digits and "-"'),
  SLA_BAD_NAME: SLA('名称不能为空，且不超过 60 字', 'a name is 1 to 60 characters'),
  SLA_NOT_A_BOOLEAN: SLA('应为是或否', 'must be true or false'),
  SLA_BAD_UNIT: SLA('单位应为工作日或工作小时', 'the unit is working days or working hours'),
  SLA_BAD_LIMIT: SLA('时限应为 1 以上的整数', 'a limit is a whole number of at least 1'),
  SLA_BAD_COUNT: SLA('延期次数不对（允许延期时 1–5 次，不允许时为 0）', 'extensions: 1–5 when allowed, 0 when not'),
  SLA_BAD_ROLE: SLA('延期只能由项目办审批', 'extensions are approved by the project office'),
  SLA_DUPLICATE_KEY: { 'zh-CN': '办理时限代号“{key}”重复', en: 'The key "{key}" is used twice' },
  SLA_UNKNOWN_DEFAULT: {
    'zh-CN': '默认办理时限“{key}”不在所列之中',
    en: 'The default "{key}" is not among the profiles',
  },
} as const;
