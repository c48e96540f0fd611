// Strings of the monthly reports (固投月报), kept apart from the shell's dictionary.
// Report states come from REPORT_STATE_LABELS in src/domain/reports and are not repeated here.
import { useI18n, type Lang } from './i18n';

const zh = {
  'reports.title': '固投月报',
  'reports.import': '从 Excel 导入',
  'reports.heading': '{period}月报',
  'reports.period': '{year}年{month}月',
  'reports.deadline': '报送截止：{date}',
  'reports.daysLeft': '还剩 {days} 天',
  'reports.dueToday': '今天截止',
  'reports.pastDeadline': '已过截止日期 {days} 天',
  'reports.notYetDue': '本月尚未结束，月报在下月 1 日起报送',
  'reports.due': '应报',
  'reports.filed': '已报',
  'reports.missing': '未报',
  'reports.late': '逾期',
  'status.awaiting': '待审核',
  'status.reviewOverdue': '超期 {n}',
  'status.reviewOverdueTitle': '已过审核截止日（{date}）仍未审核',
  'reports.loadFailed': '加载失败：{message}',

  'todo.title': '本月待报',
  'todo.empty': '本月没有需要报送的项目',
  'todo.noMatch': '没有符合条件的项目',
  'todo.all': '全部',
  'todo.open': '待处理',
  'todo.submitted': '已报送',
  'todo.approved': '已审核',
  'todo.search': '项目名称',
  'todo.amount': '本月 {amount} 万元',
  'todo.returnReason': '退回原因：{reason}',
  'todo.correctionPending': '更正审核中',
  'todo.correctionReturned': '更正被退回',

  'state.missing': '未填报',
  'tag.late': '逾期',
  'tag.correction': '更正',
  'tag.superseded': '已被更正',

  'action.file': '填报',
  'action.edit': '修改',
  'action.submit': '报送',
  'action.approve': '审核通过',
  'action.return': '退回',
  'action.correct': '更正',

  'done.submitted': '已报送',
  'done.draft': '已保存草稿',
  'done.approved': '已审核通过',
  'done.returned': '已退回',
  'done.corrected': '已提交更正，待审核',

  'form.title': '填报月报',
  'form.editTitle': '修改月报',
  'form.month': '报送月份',
  'form.amount': '本月完成投资',
  'form.amountRequired': '请填写本月完成投资',
  'form.progress': '形象进度',
  'form.progressPlaceholder': '本月主要建设内容和形象进度',
  'form.problems': '存在问题',
  'form.problemsPlaceholder': '需要协调解决的问题（没有可不填）',
  'form.monthRequired': '请选择月份',
  'form.monthTaken': '该月已有月报',
  'form.saveDraft': '保存草稿',
  'form.saveSubmit': '保存并报送',
  'form.cancel': '取消',
  'form.returnedBecause': '退回原因：{reason}',
  'form.deadline': '{period}月报，报送截止 {date}',

  'return.title': '退回月报',
  'return.reason': '退回原因',
  'return.reasonPlaceholder': '说明需要修改的内容，填报单位将看到此原因',
  'return.reasonRequired': '请填写退回原因',
  'return.confirm': '退回',

  'correct.title': '更正月报',
  'correct.original': '原报送：{period} {amount} 万元（第 {revision} 版，已审核）',
  'correct.amount': '更正后本月完成投资',
  'correct.reason': '更正原因',
  'correct.reasonPlaceholder': '说明更正的原因，审核通过后替代原数据',
  'correct.reasonRequired': '请填写更正原因',
  'correct.hint': '已审核的月报不能修改；更正作为新版本报送审核，审核通过前原数据继续有效。',
  'correct.confirm': '提交更正',

  'review.title': '待审核',
  'review.empty': '没有待审核的月报',
  'review.scanning': '正在查找更正申请…',
  'review.amount': '本月完成 {amount} 万元',
  'review.correctedAmount': '{from} → {to} 万元',
  'review.reason': '更正原因：{reason}',
  'review.progress': '形象进度',
  'review.problems': '存在问题',
  'review.submittedAt': '报送于 {time}',

  'status.title': '各单位报送情况',
  'status.unit': '单位',
  'status.progress': '报送进度',
  'status.total': '合计',
  'status.empty': '本月没有应报项目',

  'project.title': '月度报表',
  'project.file': '填报月报',
  'project.empty': '还没有月报',
  'project.month': '月份',
  'project.revision': '版本',
  'project.revisionN': '第 {n} 版',
  'project.amount': '本月完成',
  'project.cumulative': '年度累计',
  'project.unit': '金额单位：万元',
  'project.state': '状态',
  'project.times': '报送 / 审核',
  'project.submitted': '报送 {time}',
  'project.reviewed': '审核 {time}',
  'project.reviewer': '审核人：{name}',
  'project.actions': '操作',
  'project.yearSummary': '{year} 年累计完成 {amount} 万元',
  'project.yearPlan': '年度计划 {amount} 万元',
  'project.noPlan': '无年度计划',
};

export type ReportMessageKey = keyof typeof zh;

const en: Record<ReportMessageKey, string> = {
  'reports.title': 'Monthly reports',
  'reports.import': 'Import from Excel',
  'reports.heading': 'Reports for {period}',
  'reports.period': '{year}-{month2}',
  'reports.deadline': 'Submit by {date}',
  'reports.daysLeft': '{days} days left',
  'reports.dueToday': 'Due today',
  'reports.pastDeadline': '{days} days past the deadline',
  'reports.notYetDue': 'The month is not over; reports are filed from the 1st of next month',
  'reports.due': 'Due',
  'reports.filed': 'Filed',
  'reports.missing': 'Not filed',
  'reports.late': 'Late',
  'status.awaiting': 'To review',
  'status.reviewOverdue': '{n} overdue',
  'status.reviewOverdueTitle': 'Still not reviewed after the review day ({date})',
  'reports.loadFailed': 'Could not load: {message}',

  'todo.title': 'To file this month',
  'todo.empty': 'No project has to report for this month',
  'todo.noMatch': 'No project matches',
  'todo.all': 'All',
  'todo.open': 'To do',
  'todo.submitted': 'Submitted',
  'todo.approved': 'Approved',
  'todo.search': 'Project name',
  'todo.amount': '{amount} (10k yuan) this month',
  'todo.returnReason': 'Returned: {reason}',
  'todo.correctionPending': 'Correction under review',
  'todo.correctionReturned': 'Correction returned',

  'state.missing': 'Not filed',
  'tag.late': 'Late',
  'tag.correction': 'Correction',
  'tag.superseded': 'Superseded',

  'action.file': 'File',
  'action.edit': 'Edit',
  'action.submit': 'Submit',
  'action.approve': 'Approve',
  'action.return': 'Return',
  'action.correct': 'Correct',

  'done.submitted': 'Submitted',
  'done.draft': 'Draft saved',
  'done.approved': 'Approved',
  'done.returned': 'Returned',
  'done.corrected': 'Correction submitted for review',

  'form.title': 'File a monthly report',
  'form.editTitle': 'Edit the monthly report',
  'form.month': 'Month',
  'form.amount': 'Investment completed this month',
  'form.amountRequired': 'Enter the investment completed this month',
  'form.progress': 'Progress',
  'form.progressPlaceholder': 'What was built this month and where the works stand',
  'form.problems': 'Problems',
  'form.problemsPlaceholder': 'Problems that need help (optional)',
  'form.monthRequired': 'Choose a month',
  'form.monthTaken': 'That month already has a report',
  'form.saveDraft': 'Save draft',
  'form.saveSubmit': 'Save and submit',
  'form.cancel': 'Cancel',
  'form.returnedBecause': 'Returned: {reason}',
  'form.deadline': 'Report for {period}, submit by {date}',

  'return.title': 'Return the report',
  'return.reason': 'Reason',
  'return.reasonPlaceholder': 'What must change; the filing unit sees this reason',
  'return.reasonRequired': 'Enter the reason',
  'return.confirm': 'Return',

  'correct.title': 'Correct the report',
  'correct.original': 'Filed: {period} {amount} (10k yuan) (revision {revision}, approved)',
  'correct.amount': 'Corrected investment this month',
  'correct.reason': 'Reason for the correction',
  'correct.reasonPlaceholder': 'Why the figure changes; it replaces the approved one once approved',
  'correct.reasonRequired': 'Enter the reason',
  'correct.hint':
    'Approved reports never change: a correction is a new revision reviewed like a report; the approved figure counts until then.',
  'correct.confirm': 'Submit correction',

  'review.title': 'To review',
  'review.empty': 'Nothing to review',
  'review.scanning': 'Looking for corrections…',
  'review.amount': '{amount} (10k yuan) this month',
  'review.correctedAmount': '{from} → {to} (10k yuan)',
  'review.reason': 'Reason: {reason}',
  'review.progress': 'Progress',
  'review.problems': 'Problems',
  'review.submittedAt': 'Submitted {time}',

  'status.title': 'Filing by unit',
  'status.unit': 'Unit',
  'status.progress': 'Progress',
  'status.total': 'Total',
  'status.empty': 'No project has to report for this month',

  'project.title': 'Monthly reports',
  'project.file': 'File a report',
  'project.empty': 'No reports yet',
  'project.month': 'Month',
  'project.revision': 'Revision',
  'project.revisionN': 'Rev. {n}',
  'project.amount': 'This month',
  'project.cumulative': 'Year to date',
  'project.unit': 'Amounts in 10k yuan',
  'project.state': 'State',
  'project.times': 'Submitted / reviewed',
  'project.submitted': 'Filed {time}',
  'project.reviewed': 'Reviewed {time}',
  'project.reviewer': 'Reviewed by {name}',
  'project.actions': 'Actions',
  'project.yearSummary': '{year}: {amount} (10k yuan) completed',
  'project.yearPlan': 'annual plan {amount}',
  'project.noPlan': 'no annual plan',
};

const dictionaries: Record<Lang, Record<ReportMessageKey, string>> = { 'zh-CN': zh, en };

export interface ReportsI18n {
  lang: Lang;
  tr: (key: ReportMessageKey, vars?: Record<string, string | number>) => string;
  /** "2026年10月" / "2026-10". */
  period: (year: number, month: number) => string;
}

/** The report strings in the current language. */
export function useReportsI18n(): ReportsI18n {
  const { lang } = useI18n();
  const tr = (key: ReportMessageKey, vars?: Record<string, string | number>) => {
    const text = dictionaries[lang][key] ?? zh[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
  return {
    lang,
    tr,
    period: (year, month) => tr('reports.period', { year, month, month2: String(month).padStart(2, '0') }),
  };
}
