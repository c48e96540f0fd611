// Strings of figures as of a moment (截至), a published period beside its live recomputation, and
// the records behind a figure (数据来源).
import { useMemo } from 'react';
import { useI18n, type Lang } from './i18n';

const zh = {
  'asOf.label': '截至',
  'asOf.placeholder': '实时',
  'asOf.live': '实时数据',
  'asOf.noLists': '四张清单只显示实时数据；清除截至日期即可查看。',
  'asOf.showing': '截至 {at} 的数据（按当时已审核的月报、当时的目标与亮灯记录重算）',
  'view.published': '已发布通报',
  'view.live': '实时重算',
  'view.publishedNote': '{doc}《{title}》于 {at} 发布，以下为通报冻结的排名。',
  'view.liveNote': '以下为按现有数据实时重算的排名，不是已发布的通报。',
  'view.same': '实时重算与通报一致。',
  'view.differs': '通报发布后又审核通过了 {n} 条月报（含更正），{units} 个单位的得分或名次与通报不同：',
  'view.change': '{name}：通报 {from} 分（第 {fromRank} 名）→ 实时 {to} 分（第 {toRank} 名）',
  'view.approvedAfter': '发布后审核通过的月报',
  'view.month': '{month}月',
  'view.revision': '第 {n} 版',
  'records.title': '数据来源',
  'records.back': '返回排名',
  'records.summaryCount': '{unit} · {indicator} · {period}：共 {n} 个项目',
  'records.summarySum': '{unit} · {indicator} · {period}：{n} 条已审核月报，合计 {sum}',
  'records.asOf': '截至 {at}',
  'records.live': '实时',
  'records.project': '项目',
  'records.stage': '阶段',
  'records.investment': '总投资（万元）',
  'records.plannedStart': '计划开工',
  'records.actualStart': '实际开工',
  'records.reasons': '亮灯原因',
  'records.month': '月份',
  'records.revision': '版本',
  'records.amount': '完成投资（万元）',
  'records.approvedAt': '审核时间',
  'records.empty': '没有计入的记录',
} as const;

type NumbersKey = keyof typeof zh;

const en: Record<NumbersKey, string> = {
  'asOf.label': 'As of',
  'asOf.placeholder': 'Live',
  'asOf.live': 'Live figures',
  'asOf.noLists': 'The four lists show live figures only; clear the date to see them.',
  'asOf.showing':
    'Figures as of {at} (recomputed from the reports approved by then, the targets and the lights of that time)',
  'view.published': 'Published bulletin',
  'view.live': 'Live recomputation',
  'view.publishedNote': '{doc} “{title}” was published on {at}; this is the ranking it froze.',
  'view.liveNote': 'This ranking is recomputed from today’s data; it is not the published bulletin.',
  'view.same': 'The live recomputation agrees with the bulletin.',
  'view.differs':
    '{n} monthly reports (corrections included) were approved after publication; {units} units now score or rank differently:',
  'view.change': '{name}: bulletin {from} points (rank {fromRank}) → live {to} points (rank {toRank})',
  'view.approvedAfter': 'Reports approved after publication',
  'view.month': 'Month {month}',
  'view.revision': 'revision {n}',
  'records.title': 'Records behind a figure',
  'records.back': 'Back to the ranking',
  'records.summaryCount': '{unit} · {indicator} · {period}: {n} projects',
  'records.summarySum': '{unit} · {indicator} · {period}: {n} approved reports, {sum} in all',
  'records.asOf': 'as of {at}',
  'records.live': 'live',
  'records.project': 'Project',
  'records.stage': 'Stage',
  'records.investment': 'Total investment (10k yuan)',
  'records.plannedStart': 'Planned start',
  'records.actualStart': 'Actual start',
  'records.reasons': 'Reasons',
  'records.month': 'Month',
  'records.revision': 'Revision',
  'records.amount': 'Completed (10k yuan)',
  'records.approvedAt': 'Approved',
  'records.empty': 'No records counted',
};

const dictionaries: Record<Lang, Record<NumbersKey, string>> = { 'zh-CN': zh, en };

export { zh as NUMBERS_ZH, en as NUMBERS_EN };

/** The strings of as-of figures and drill-through in the current language. */
export function useNumbersI18n() {
  const { lang } = useI18n();
  return useMemo(() => {
    const tn = (key: NumbersKey, vars?: Record<string, string | number>) => {
      const template = dictionaries[lang][key] ?? zh[key];
      return vars
        ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
        : template;
    };
    return { lang, tn };
  }, [lang]);
}
