/**
 * The columns of a monthly-report ledger (固投月报台账) as units keep it: one row per project and
 * month, the project by its code or name, the month as its own column (报告期 2026年3月), as year and
 * month columns, or only in the sheet's title ("兰溪市2026年10月重点项目进展情况表"), and what the
 * report says: the month's completed investment, the works' progress, the problems to solve.
 * Pure: the same cell parsing as project ledgers (project-columns.ts).
 */
import { REPORT_TEXT_FIELDS } from '../reports/report-fields.ts';
import {
  col,
  COLUMN_BY_FIELD,
  PROJECT_COLUMNS,
  registerColumns,
  toHalfWidth,
  type ProjectColumn,
} from './project-columns.ts';

const shared = (field: 'code' | 'name') => ({ ...PROJECT_COLUMNS.find((c) => c.field === field)!, required: false });

export const REPORT_COLUMNS: readonly ProjectColumn[] = [
  shared('code'),
  shared('name'),
  col({
    field: 'reportPeriod',
    header: '报告期',
    variants: [
      '填报月份',
      '所属月份',
      '统计月份',
      '报送月份',
      '月报月份',
      '报告月份',
      '年月',
      '填报期',
      '所属期',
      '统计期',
      '报表期',
    ],
    example: '2026年10月',
    kind: 'yearMonth',
    hint: '应为年月，如 2026年3月、2026-03 或 2026.3',
  }),
  col({
    field: 'reportYear',
    header: '年度',
    variants: ['年份', '填报年度', '所属年度', '统计年度', '年'],
    example: '2026',
    kind: 'integer',
    hint: '应为四位年份，如 2026',
  }),
  col({
    field: 'reportMonth',
    header: '月份',
    variants: ['月', '填报月', '所属月', '统计月'],
    example: '10',
    kind: 'month',
    hint: '应为 1 至 12 的月份',
  }),
  col({
    field: 'monthAmountWan',
    header: '本月完成投资（万元）',
    variants: [
      '本月完成投资',
      '本月完成',
      '当月完成投资',
      '当月完成',
      '本月完成固投',
      '本月完成固定资产投资',
      '本月投资',
      '月度完成投资',
      '本月实际完成投资',
      '完成投资',
    ],
    example: '1250.5',
    required: true,
    kind: 'money',
    hint: '应为金额',
  }),
  col({
    field: 'progressText',
    header: '形象进度',
    variants: [
      '本月形象进度',
      '工程形象进度',
      '项目进展',
      '进展情况',
      '工程进度',
      '建设进度',
      '项目进度',
      '本月进展',
      '推进情况',
      '项目推进情况',
      '形象进度及下步计划',
    ],
    example: '主体结构施工至第三层',
    kind: 'text',
    hint: `最多 ${REPORT_TEXT_FIELDS.progressText.maxLength} 个字`,
  }),
  col({
    field: 'problems',
    header: '存在问题',
    variants: [
      '问题',
      '存在的问题',
      '存在问题及建议',
      '需协调解决的问题',
      '需协调问题',
      '困难问题',
      '问题及建议',
      '存在困难和问题',
      '需协调事项',
    ],
    example: '用电增容审批尚未办结',
    kind: 'text',
    hint: `最多 ${REPORT_TEXT_FIELDS.problems.maxLength} 个字`,
  }),
];

registerColumns(REPORT_COLUMNS.filter((c) => !COLUMN_BY_FIELD.has(c.field)));

/**
 * The year and month a sheet's title names, as 'YYYY-MM': "兰溪市2026年10月重点项目进展情况表" →
 * '2026-10'. A title naming a span ("2026年1-10月") means its last month. Null when it names none.
 */
export function periodInTitle(title: string | null): string | null {
  if (!title) return null;
  const t = toHalfWidth(title).replace(/\s+/g, '');
  const m = /(20\d{2})年(?:度)?(?:1[0-2]?|[2-9])?(?:[-—~至到])?(1[0-2]|0?[1-9])月/.exec(t);
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}`;
}
