/**
 * Messages of ledger imports (台账导入), installed into the one message table by the feature index. Problems with
 * single rows are not here: they name their cell and are written in Chinese by
 * src/domain/exchange/row-validation.ts, as the ledgers themselves are.
 */
export const IMPORT_MESSAGES = {
  IMPORT_NOT_MULTIPART: {
    'zh-CN': '台账须以表单文件上传（multipart/form-data，字段 file）',
    en: 'Upload the ledger as a form file (multipart/form-data, field "file")',
  },
  IMPORT_NO_FILE: {
    'zh-CN': '请选择要导入的台账文件（.xlsx 或 .csv）',
    en: 'Choose a ledger file to import (.xlsx or .csv)',
  },
  IMPORT_ONE_FILE: { 'zh-CN': '一次只能导入一个文件', en: 'Import one file at a time' },
  IMPORT_FORM: {
    'zh-CN': '上传内容只能包含文件（file）、单位（unitId）和工作表（sheet）',
    en: 'The upload may contain only the file ("file"), the unit ("unitId") and the sheet ("sheet")',
  },
  IMPORT_INTERRUPTED: {
    'zh-CN': '上传中断或内容不完整，请重试',
    en: 'The upload was interrupted or incomplete; please try again',
  },
  IMPORT_TOO_LARGE: {
    'zh-CN': '“{name}”超过 {mb} MB；请删除多余的工作表、图片和格式，或分成几个文件导入',
    en: '"{name}" is larger than {mb} MB; remove extra sheets, pictures and formatting, or split it into several files',
  },
  IMPORT_EMPTY: { 'zh-CN': '“{name}”是空文件', en: '"{name}" is empty' },
  IMPORT_ENCRYPTED: {
    'zh-CN':
      '“{name}”设置了打开密码，无法读取；请在 Excel 中“文件 → 信息 → 保护工作簿 → 用密码进行加密”清除密码后再上传',
    en: '"{name}" is password-protected and cannot be read; remove the password (File → Info → Protect Workbook → Encrypt with Password) and upload it again',
  },
  IMPORT_XLS: {
    'zh-CN': '“{name}”是旧版 Excel 97-2003（.xls）文件；请在 Excel 中“另存为 → Excel 工作簿（.xlsx）”后再上传',
    en: '"{name}" is an old Excel 97-2003 (.xls) file; save it as an Excel workbook (.xlsx) and upload it again',
  },
  IMPORT_NOT_EXCEL: {
    'zh-CN': '“{name}”不是 Excel 工作簿（.xlsx）或 CSV 文件',
    en: '"{name}" is not an Excel workbook (.xlsx) or a CSV file',
  },
  IMPORT_DAMAGED: {
    'zh-CN': '“{name}”无法读取，文件可能已损坏；请在 Excel 中打开并重新保存后再上传',
    en: '"{name}" cannot be read and may be damaged; open it in Excel, save it again and upload it',
  },
  IMPORT_PART_TOO_LARGE: {
    'zh-CN':
      '工作簿中的 {part} 解压后超过 {mb} MB，远超正常台账所需；请在 Excel 中清除多余的格式，或另存为新的 .xlsx 后再上传',
    en: 'The part {part} of the workbook is larger than {mb} MB unpacked, far more than a ledger needs; clear extra formatting, or save it as a new .xlsx, and upload it again',
  },
  IMPORT_PART_SIZE_MISMATCH: {
    'zh-CN':
      '工作簿中的 {part} 解压后大于其记录的大小（{size}），文件已损坏或被改动；请在 Excel 中打开并重新保存后再上传',
    en: 'The part {part} of the workbook unpacks to more than its recorded size ({size}); the file is damaged or was tampered with. Open it in Excel, save it again and upload it',
  },
  IMPORT_PACKAGE_TOO_LARGE: {
    'zh-CN': '工作簿解压后合计超过 {mb} MB，远超正常台账所需；请删除多余的工作表、图片和格式，或分成几个文件导入',
    en: 'The workbook is larger than {mb} MB unpacked, far more than a ledger needs; remove extra sheets, pictures and formatting, or split it into several files',
  },
  IMPORT_PACKAGE_ENTRIES: {
    'zh-CN': '工作簿包含 {count} 个部件，超过上限 {max} 个，不像正常的台账；请另存为新的 .xlsx 后再上传',
    en: 'The workbook holds {count} parts, more than the {max} allowed for a ledger; save it as a new .xlsx and upload it again',
  },
  IMPORT_SHEET_EMPTY: { 'zh-CN': '工作表“{sheet}”没有内容', en: 'The sheet "{sheet}" is empty' },
  IMPORT_TITLE_ONLY: {
    'zh-CN': '工作表“{sheet}”只有标题“{title}”，没有表头和项目数据',
    en: 'The sheet "{sheet}" holds only the title "{title}", with no header or projects',
  },
  IMPORT_NO_HEADER: {
    'zh-CN': '在工作表“{sheet}”的前 {rows} 行中没有找到表头；表头应包含“项目名称”“总投资（万元）”等列名',
    en: 'No header in the first {rows} rows of the sheet "{sheet}"; it should have columns such as 项目名称 and 总投资（万元）',
  },
  IMPORT_TOO_MANY_COLUMNS: {
    'zh-CN': '工作表“{sheet}”的表头有 {count} 列，超过上限 {max} 列；请删除多余的列后再上传',
    en: 'The header of the sheet "{sheet}" has {count} columns, more than the {max} allowed; remove the extra columns and upload again',
  },
  IMPORT_NO_SHEET: { 'zh-CN': '工作簿中没有名为“{sheet}”的工作表', en: 'The workbook has no sheet named "{sheet}"' },
  IMPORT_NO_ROWS: { 'zh-CN': '表头以下没有项目数据', en: 'There are no projects below the header' },
  IMPORT_LOOKS_LIKE_REPORTS: {
    'zh-CN': '“{name}”看起来是月报台账（有“本月完成投资”等列），请选择“月报”后重新上传',
    en: '"{name}" looks like a monthly-report ledger (it has columns such as 本月完成投资); choose “monthly reports” and upload it again',
  },
  IMPORT_LOOKS_LIKE_PROJECTS: {
    'zh-CN': '“{name}”看起来是项目台账（有“总投资”“项目阶段”等列），请选择“项目台账”后重新上传',
    en: '"{name}" looks like a project ledger (it has columns such as 总投资 and 项目阶段); choose “project ledger” and upload it again',
  },
  IMPORT_LOOKS_LIKE_ENTERPRISES: {
    'zh-CN': '“{name}”看起来是企业名录（有“企业名称”“统一社会信用代码”等列），请选择“企业名录”后重新上传',
    en: '"{name}" looks like an enterprise ledger (it has columns such as 企业名称 and 统一社会信用代码); choose “enterprise ledger” and upload it again',
  },
  IMPORT_LOOKS_LIKE_DEALS: {
    'zh-CN': '“{name}”看起来是招商台账（有“投资方”“来源地区”等列），请选择“招商台账”后重新上传',
    en: '"{name}" looks like a deal ledger (it has columns such as 投资方 and 来源地区); choose “deal ledger” and upload it again',
  },
  IMPORT_HEADER_NO_KEY: {
    'zh-CN': '第 {row} 行中没有“项目名称”或“项目代码”列，不像表头；请换一行',
    en: 'Row {row} has no project name or code column and does not look like the header; choose another row',
  },
  IMPORT_HEADER_NO_KEY_ENTERPRISES: {
    'zh-CN': '第 {row} 行中没有“企业名称”或“统一社会信用代码”列，不像表头；请换一行',
    en: 'Row {row} has no enterprise name or credit code column and does not look like the header; choose another row',
  },
  IMPORT_HEADER_NO_KEY_DEALS: {
    'zh-CN': '第 {row} 行中没有“项目名称”列，不像表头；请换一行',
    en: 'Row {row} has no project name column and does not look like the header; choose another row',
  },
  IMPORT_MAPPING: { 'zh-CN': '列对应有误：{problems}', en: 'The column mapping is not usable: {problems}' },
  IMPORT_RUNNING: {
    'zh-CN': '该导入正在校验或写入，请稍候',
    en: 'This import is being checked or written; please wait',
  },
  IMPORT_COMMITTED: {
    'zh-CN': '该台账已导入完成，不能再修改；如需再次导入请重新上传',
    en: 'This ledger has been imported and cannot change; upload it again to import it again',
  },
  IMPORT_FILE_GONE: {
    'zh-CN': '导入文件已不存在（已导入或已过期），请重新上传',
    en: 'The uploaded file is gone (imported or expired); upload it again',
  },
  IMPORT_NO_ERRORS: { 'zh-CN': '该导入没有发现错误，没有需要标注的内容', en: 'This import has no errors to mark' },
  IMPORT_NOT_CHECKED: {
    'zh-CN': '请先校验（试导入），再下载错误标注文件',
    en: 'Check the ledger (dry run) before downloading the marked workbook',
  },
  IMPORT_HAS_ERRORS: {
    'zh-CN': '台账有 {rows} 行共 {count} 处错误，未写入任何数据；请下载错误标注文件修改后重新上传',
    en: '{rows} rows have {count} errors in all; nothing was written. Download the marked workbook, correct it and upload it again',
  },
  IMPORT_CHANGED: {
    'zh-CN': '第 {row} 行的项目在校验之后被他人修改，未写入任何数据；请重新导入',
    en: 'The project of row {row} was changed by someone else after the check; nothing was written. Import again',
  },
  IMPORT_DUPLICATE: {
    'zh-CN': '第 {row} 行附近的项目代码在校验之后被其他项目使用，未写入任何数据；请重新导入',
    en: 'A project code near row {row} was taken by another project after the check; nothing was written. Import again',
  },
  IMPORT_FAILED: {
    'zh-CN': '导入失败，未写入任何数据（错误编号 {id}）',
    en: 'The import failed and nothing was written (reference {id})',
  },
  IMPORT_INTERRUPTED_RUN: {
    'zh-CN': '上一次校验或写入被中断（服务器重启），未写入任何数据；请重新开始',
    en: 'The last check or commit was interrupted (a server restart); nothing was written. Start it again',
  },
} as const;
