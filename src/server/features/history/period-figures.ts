import type { Kysely } from 'kysely';
import { timeProgress, yearCompletion } from '../../../domain/progress/time-progress.ts';
import { isReportInPeriod, type PeriodBounds } from '../../../domain/race/metrics.ts';
import type { DB } from '../../db/schema.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { HistoryRepository } from './history.repository.ts';

/** A red project as a bulletin lists it. */
export interface RedProjectLine {
  projectId: number;
  name: string;
  unitName: string;
  reasons: string[];
}

/** The county's plan and completion of the year through a period's last month, exact (rounded where shown). */
export interface PeriodTotals {
  planYuan: number;
  completedYuan: number;
  completionPct: number | null;
  timePct: number;
}

/**
 * The county-wide figures of a bulletin for a period — every red project of its last month, and the
 * year's plan and completion through it — live or as they stood at an instant. No list is ever cut
 * short: a count is the length of the whole list.
 */
export function createPeriodFigures({
  db,
  history,
  stats,
}: {
  db: Kysely<DB>;
  history: HistoryRepository;
  stats: Pick<UnitStats, 'under'>;
}) {
  async function unitNames() {
    return new Map((await db.selectFrom('units').select(['id', 'name']).execute()).map((u) => [u.id, u.name]));
  }

  return {
    /** Every project red in the period's last month (as of `asOf`), largest investment first. */
    async redProjects(period: PeriodBounds, asOf: string | null = null): Promise<RedProjectLine[]> {
      const [lights, projects, names] = await Promise.all([
        history.lightsOfMonth(asOf, period.year, period.endMonth),
        history.projects(asOf),
        unitNames(),
      ]);
      const byId = new Map(projects.map((p) => [p.id, p]));
      return lights
        .filter((l) => l.colour === 'red' && byId.has(l.project_id))
        .map((l) => ({ l, p: byId.get(l.project_id)! }))
        .sort((a, b) => Number(b.p.total_investment) - Number(a.p.total_investment) || a.p.id - b.p.id)
        .map(({ l, p }) => ({
          projectId: p.id,
          name: p.name,
          unitName: names.get(p.lead_unit_id) ?? '',
          reasons: (JSON.parse(l.findings_json) as { text: { 'zh-CN': string } }[]).map((f) => f.text['zh-CN']),
        }));
    },

    /** The year's plan and approved completion through the period's last month (as of `asOf`). */
    async totals(period: PeriodBounds, asOf: string | null = null): Promise<PeriodTotals> {
      let planYuan = 0;
      let completedYuan = 0;
      if (asOf === null) {
        const root = await db
          .selectFrom('units')
          .select('path')
          .where('parent_id', 'is', null)
          .executeTakeFirstOrThrow();
        for (const f of await stats.under(root.path, [period.year])) {
          if (f.metric === 'plan') planYuan += f.value;
          else if (f.metric === 'done' && isReportInPeriod(f, period)) completedYuan += f.value;
        }
      } else {
        const [plans, reports, projects] = await Promise.all([
          history.plans(asOf, period.year),
          history.approvedReports(asOf, period.year, period.endMonth),
          history.projects(asOf),
        ]);
        // Only projects that existed then count, as unit_stats holds only existing projects now.
        const existing = new Set(projects.map((p) => p.id));
        for (const p of plans) if (existing.has(p.project_id)) planYuan += Number(p.amount);
        for (const r of reports)
          if (existing.has(r.project_id) && isReportInPeriod(r, period)) completedYuan += Number(r.amount);
      }
      return {
        planYuan,
        completedYuan,
        completionPct: yearCompletion(completedYuan, planYuan),
        timePct: timeProgress(period.endMonth),
      };
    },
  };
}

export type PeriodFigures = ReturnType<typeof createPeriodFigures>;
