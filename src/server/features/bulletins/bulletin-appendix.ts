/**
 * The appendix (明细) of a bulletin's Excel file: for each ranked unit and each computed indicator,
 * the records its frozen figure counts — the approved report revisions an amount sums, the projects a
 * count counts — as of the bulletin's publication, from the drill-through's own selection
 * (RaceValues.recordsByUnit). Each unit's block ends with a total row beside the figure as the
 * bulletin prints it, so a reader can check one against the other.
 */
import { formatYi } from '../../../domain/money/money.ts';
import { indicatorByKey, type ComputedMetric } from '../../../domain/race/indicators.ts';
import { periodDays } from '../../../domain/race/metrics.ts';
import type { FigureRecords, RecordProject } from '../race/race-values.ts';
import type { BulletinDocument } from './bulletin-document.ts';
import type { BulletinSnapshot } from './bulletins.service.ts';

/** The records behind each metric's figures, per ranked unit (RaceService.bulletinRecords). */
export type PeriodRecords = ReadonlyMap<ComputedMetric, ReadonlyMap<number, FigureRecords>>;

/** Names and codes of the projects the appendix lists, as they were at publication (BulletinSnapshot.appendixProjects). */
export type FrozenProjectNames = Record<string, { name: string; code: string | null }>;

/** One line of the appendix: a record, or the total of one unit's records for one indicator. */
export interface AppendixRow {
  kind: 'record' | 'total';
  unitName: string;
  /** The indicator as the ranking names it: '固定资产投资'. */
  indicator: string;
  /** The project; '合计' on a total row. */
  projectName: string;
  projectCode: string;
  /** '2026年3月' for a report revision; '' for a project. */
  month: string;
  /** The report revision counted (1, 2 …); null for a project. */
  revision: number | null;
  /** 元 exact: a revision's amount, or on a total row the sum the figure is; null for a count. */
  amountYuan: number | null;
  /** When the revision was approved (ISO instant); the renderer shows the county's wall-clock time. */
  approvedAt: string | null;
  approvedBy: string;
  /** Why the record counts (实际开工 2026-03-05, the light's reasons …); on a total row the count and the printed figure. */
  note: string;
}

export interface BulletinAppendix {
  /** The instant the records are as of: the publication. */
  asOf: string;
  rows: AppendixRow[];
}

/**
 * The appendix rows: groups and units in the ranking's order, then the indicators in the race's
 * order. `doc` is the bulletin as Word prints it (same groups, rows and cells in the same order as
 * the snapshot), so a total row quotes the printed figure rather than formatting it again.
 */
export function toBulletinAppendix(
  snapshot: BulletinSnapshot,
  doc: BulletinDocument,
  records: PeriodRecords,
  frozen: FrozenProjectNames = snapshot.appendixProjects ?? {},
): BulletinAppendix {
  const { ranking } = snapshot;
  const name = (p: { projectId: number; name: string; code?: string | null }) =>
    frozen[String(p.projectId)] ?? { name: p.name, code: p.code ?? null };
  const { to } = periodDays(ranking.period);
  const rows: AppendixRow[] = [];
  ranking.groups.forEach((group, g) => {
    group.rows.forEach((row, r) => {
      ranking.indicators.forEach((ind, i) => {
        const source = indicatorByKey(ind.key).source;
        const perUnit = source.kind === 'computed' ? records.get(source.metric) : undefined;
        if (!perUnit || source.kind !== 'computed') return;
        const metric = source.metric;
        const found = perUnit.get(row.unitId) ?? {
          count: 0,
          sumYuan: metric === 'done' ? 0 : null,
          projects: [],
          reports: [],
        };
        const indicator = ind.label['zh-CN'];
        const base = {
          unitName: row.name,
          indicator,
          month: '',
          revision: null,
          amountYuan: null,
          approvedAt: null,
          approvedBy: '',
        };
        if (metric === 'done') {
          const codes = new Map(found.projects.map((p) => [p.projectId, p.code]));
          for (const rep of found.reports) {
            const project = name({
              projectId: rep.projectId,
              name: rep.projectName,
              code: codes.get(rep.projectId) ?? null,
            });
            rows.push({
              ...base,
              kind: 'record',
              projectName: project.name,
              projectCode: project.code ?? '',
              month: `${rep.year}年${rep.month}月`,
              revision: rep.revision,
              amountYuan: rep.amountYuan,
              approvedAt: rep.approvedAt,
              approvedBy: rep.approvedBy ?? '',
              note: '',
            });
          }
        } else {
          for (const p of found.projects) {
            const project = name(p);
            rows.push({
              ...base,
              kind: 'record',
              projectName: project.name,
              projectCode: project.code ?? '',
              note: whyCounted(metric, p, to),
            });
          }
        }
        const cell = doc.groups[g]?.rows[r]?.cells[i];
        const unit = doc.groups[g]?.indicators[i]?.unit ?? '';
        const printed = cell ? `；通报数值 ${cell.value}${cell.value === '—' ? '' : ` ${unit}`}` : '';
        const counted =
          metric === 'done' ? `${found.count} 条月报（${found.projects.length} 个项目）` : `${found.count} 个项目`;
        rows.push({
          ...base,
          kind: 'total',
          projectName: '合计',
          projectCode: '',
          amountYuan: metric === 'done' ? (found.sumYuan ?? 0) : null,
          note: `${counted}${printed}`,
        });
      });
    });
  });
  return { asOf: doc.issuedAt, rows };
}

/** Why a project counts for a count metric, in the words of the ranking's definition (docs/NUMBERS.md). */
function whyCounted(metric: ComputedMetric, p: RecordProject, periodEnd: string): string {
  if (metric === 'starts') return `实际开工 ${p.actualStartDate ?? ''}`;
  if (metric === 'startsAboveYi')
    return `实际开工 ${p.actualStartDate ?? ''}，总投资 ${formatYi(p.totalInvestmentYuan)} 亿元`;
  if (metric === 'overdueStarts') return `计划开工 ${p.plannedStartDate ?? ''}，截至 ${periodEnd} 未开工`;
  if (metric === 'red') return (p.reasons ?? []).map((t) => t['zh-CN']).join('；');
  return '';
}

/**
 * The names and codes to freeze with a bulletin: every project its appendix lists at publication, so
 * a project renamed later does not change the Excel file (history keeps no versions of names).
 */
export function appendixProjectNames(records: PeriodRecords): FrozenProjectNames {
  const byId = new Map<number, { name: string; code: string | null }>();
  for (const perUnit of records.values())
    for (const found of perUnit.values())
      for (const p of found.projects) byId.set(p.projectId, { name: p.name, code: p.code });
  return Object.fromEntries([...byId].sort(([a], [b]) => a - b).map(([id, v]) => [String(id), v]));
}
