import { toWanNumber, formatWan } from '../../../domain/money/money.ts';
import { STAGE_LABELS, type Stage } from '../../../domain/projects/lifecycle.ts';
import { LEVEL_LABELS, type Level } from '../../../domain/projects/project-fields.ts';
import type { ListExportColumnKey } from '../../../contract/exports.ts';
import type { presentProjectSummary } from '../projects/projects.presenter.ts';
import { excelDate, excelDateTime, FORMATS } from './xlsx.ts';

type Summary = ReturnType<typeof presentProjectSummary>;
type CellValue = string | number | Date | null;

/** One column a list export can show: its Chinese header, the cell, its format, and how wide it reads. */
export interface ListExportColumn {
  header: string;
  value: (p: Summary) => CellValue;
  numFmt?: string;
  /** The text a person sees, for estimating the width (numbers and dates as formatted). */
  shown: (p: Summary) => string;
  align?: 'left' | 'right' | 'center';
}

const LIGHT_LABELS: Record<string, string> = { green: '绿灯', yellow: '黄灯', red: '红灯', grey: '灰灯' };
const text = (pick: (p: Summary) => string | null): Pick<ListExportColumn, 'value' | 'shown'> => ({
  value: (p) => pick(p) || null,
  shown: (p) => pick(p) ?? '',
});
const date = (pick: (p: Summary) => string | null): Pick<ListExportColumn, 'value' | 'shown' | 'numFmt' | 'align'> => ({
  value: (p) => excelDate(pick(p)),
  shown: (p) => (pick(p) ? '0000-00-00' : ''),
  numFmt: FORMATS.date,
  align: 'center',
});

/** The light's reasons as one cell: "红：计划开工已逾期 2 个月；黄：…", red ones first as the engine lists them. */
const lightReasonsText = (p: Summary) =>
  p.lightReasons.map((f) => `${f.colour === 'red' ? '红' : '黄'}：${f.text['zh-CN']}`).join('；');

/**
 * A list filtered by light (the red list, the yellow list) is exported with its reasons: 亮灯原因
 * follows 亮灯 (or ends the row when 亮灯 is not shown) unless the columns already name it.
 */
export function withLightReasons(keys: ListExportColumnKey[], light: string | undefined): ListExportColumnKey[] {
  if ((light !== 'red' && light !== 'yellow') || keys.includes('lightReasons')) return keys;
  const at = keys.indexOf('light');
  return at < 0 ? [...keys, 'lightReasons'] : [...keys.slice(0, at + 1), 'lightReasons', ...keys.slice(at + 1)];
}

/**
 * The columns of the project list, keyed as the web's column chooser names them (`cols=` in the
 * list's URL), plus `light` and `aboveYi`, which the web shows inside 阶段 and 级别 and sends as
 * columns of their own. Headers are the list's Chinese titles.
 */
export const LIST_EXPORT_COLUMNS = {
  name: { header: '项目名称', ...text((p) => p.name) },
  code: { header: '项目代码', ...text((p) => p.code) },
  stage: { header: '阶段', ...text((p) => STAGE_LABELS[p.stage as Stage]?.['zh-CN'] ?? p.stage), align: 'center' },
  light: { header: '亮灯', ...text((p) => LIGHT_LABELS[p.light] ?? p.light), align: 'center' },
  lightReasons: { header: '亮灯原因', ...text((p) => lightReasonsText(p) || null) },
  leadUnit: { header: '牵头单位', ...text((p) => p.leadUnitName) },
  township: { header: '所在乡镇', ...text((p) => p.townshipName) },
  industry: {
    header: '行业',
    ...text((p) => (p.industryName ? `${p.industryCode} ${p.industryName}` : p.industryCode)),
  },
  level: {
    header: '级别',
    ...text((p) => (p.level ? (LEVEL_LABELS[p.level as Level]?.['zh-CN'] ?? p.level) : null)),
    align: 'center',
  },
  aboveYi: { header: '亿元以上', ...text((p) => (p.isAboveYi ? '是' : null)), align: 'center' },
  totalInvestment: {
    header: '总投资（万元）',
    value: (p) => toWanNumber(p.totalInvestmentYuan),
    shown: (p) => formatWan(p.totalInvestmentYuan),
    numFmt: FORMATS.money,
    align: 'right',
  },
  plannedStartDate: { header: '计划开工', ...date((p) => p.plannedStartDate) },
  actualStartDate: { header: '实际开工', ...date((p) => p.actualStartDate) },
  plannedProductionDate: { header: '计划投产', ...date((p) => p.plannedProductionDate) },
  actualProductionDate: { header: '实际投产', ...date((p) => p.actualProductionDate) },
  tags: { header: '标签', ...text((p) => p.tags.join('、')) },
  updatedAt: {
    header: '更新时间',
    value: (p) => excelDateTime(p.updatedAt),
    shown: () => '0000-00-00 00:00',
    numFmt: FORMATS.dateTime,
    align: 'center',
  },
} satisfies Record<ListExportColumnKey, ListExportColumn>;

/** The keys are the contract's (src/contract/exports.ts): every one has a column, and no column is unnamed there. */
export type { ListExportColumnKey };

/** What the list shows when the URL chooses no columns (the web's defaults, light and 亿元以上 included). */
export const DEFAULT_LIST_EXPORT_COLUMNS: ListExportColumnKey[] = [
  'name',
  'stage',
  'light',
  'leadUnit',
  'township',
  'level',
  'aboveYi',
  'totalInvestment',
  'plannedStartDate',
  'actualStartDate',
  'plannedProductionDate',
  'updatedAt',
];
