import { visibleSubtree } from '../../../domain/access/scope.ts';
import { rollUpPath } from '../../../domain/units/unit-tree.ts';
import { assessedPeriod, monthBefore } from '../../../domain/lights/period.ts';
import {
  gapToTimeProgress,
  roundHalfUp,
  timeProgress,
  yearCompletion,
} from '../../../domain/progress/time-progress.ts';
import type { Today } from '../../clock.ts';
import type { ActorContext } from '../session/actor.ts';
import type { UnitRepository } from '../units/units.repository.ts';
import type { ProjectQueries } from '../projects/project-queries.service.ts';
import type { UnitStats, UnitStatValue } from '../stats/unit-stats.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import { localDate } from '../../../domain/calendar/local-date.ts';
import type { RaceService } from '../race/races.service.ts';
import type { BulletinService } from '../bulletins/bulletins.service.ts';
import { racePolicy } from '../../policies/race.policy.ts';
import type { DashboardRepository } from './dashboard.repository.ts';
import type { Dashboard } from '../../../contract/dashboard.ts';
import { listScope } from '../../policies/list-scope.ts';

/** A percent rounded once, half up, to one decimal (the domain's rounding, as the lights and bulletins print it). */
const pct1 = (x: number | null) => (x === null ? null : roundHalfUp(x, 1));
/** The gap to 序时进度 from the exact figures, rounded once (positive = ahead). */
const gapOf = (completion: number | null, time: number) =>
  completion === null ? null : gapToTimeProgress(completion, time);

/**
 * The leaders' dashboard: the year's totals against 序时进度, colours per unit, the red list with
 * reasons, the monthly completion curve against the plan, and the four lists — all aggregated in
 * the database, within what the reader may see.
 */
export function createDashboardService({
  dashboard,
  units,
  queries,
  stats,
  races,
  bulletins,
  today,
  history,
  timeZone,
}: {
  dashboard: DashboardRepository;
  units: UnitRepository;
  queries: ProjectQueries;
  stats: Pick<UnitStats, 'under'>;
  races: Pick<RaceService, 'ranking' | 'resolveAsOf'>;
  bulletins: Pick<BulletinService, 'latest'>;
  today: Today;
  history: HistoryRepository;
  timeZone: string;
}) {
  /**
   * The race of the latest bulletin (or the newest race): its ranking's top and bottom per group — the
   * bulletin's frozen ones for a published period, so the dashboard never names a first place the
   * bulletin does not.
   */
  async function currentRace(actor: ActorContext, asOf: string | null) {
    if (!racePolicy.canReadRaces(actor)) return null;
    // The latest period's bulletin in force, not the latest published: back-filling August keeps November's race.
    const raceId = await dashboard.currentRaceId();
    if (!raceId) return null;
    const r = await races.ranking(actor, raceId, undefined, undefined, asOf ?? undefined);
    const shown = r.published ?? r;
    const brief = (row: { unitId: number; name: string; total: number; rank: number }) => ({
      unitId: row.unitId,
      name: row.name,
      total: row.total,
      rank: row.rank,
    });
    return {
      raceId,
      name: r.name,
      period: { label: r.period.label },
      published: r.published
        ? {
            bulletinId: r.published.bulletinId,
            docNumber: r.published.docNumber,
            changed: r.published.changes.length > 0,
          }
        : null,
      groups: shown.groups.map((g) => ({
        label: g.label,
        top: g.top.map(brief),
        bottom: g.bottom.map(brief),
        tooSmall: g.tooSmall ?? false,
      })),
    };
  }

  /** The per-unit figures of the subtree at `path` as they stood at `asOf`, shaped like unit_stats rows. */
  async function figuresAsOf(path: string, year: number, month: number, asOf: string): Promise<UnitStatValue[]> {
    const [projects, plans, reports, lights] = await Promise.all([
      history.projects(asOf),
      history.plans(asOf, year),
      history.approvedReports(asOf, year, 12),
      history.lightsOfMonth(asOf, year, month),
    ]);
    const pathOf = new Map(projects.filter((p) => p.unit_path.startsWith(path)).map((p) => [p.id, p.unit_path]));
    const rows: UnitStatValue[] = [];
    for (const p of plans)
      if (pathOf.has(p.project_id))
        rows.push({ unit_path: pathOf.get(p.project_id)!, year, month: 0, metric: 'plan', value: Number(p.amount) });
    for (const r of reports)
      if (pathOf.has(r.project_id))
        rows.push({
          unit_path: pathOf.get(r.project_id)!,
          year,
          month: r.month,
          metric: 'done',
          value: Number(r.amount),
        });
    const coloured = new Map(lights.map((l) => [l.project_id, l.colour]));
    // A project with no light yet for that month was not assessable then.
    for (const [id, unitPath] of pathOf)
      rows.push({ unit_path: unitPath, year: 0, month: 0, metric: `light.${coloured.get(id) ?? 'grey'}`, value: 1 });
    return rows;
  }

  /** The red projects of the subtree at `path` for the assessed month, as they stood at `asOf`. */
  async function redAsOf(path: string, year: number, month: number, asOf: string) {
    const before = monthBefore({ year, month });
    const [projects, lights, earlier, unitRows] = await Promise.all([
      history.projects(asOf),
      history.lightsOfMonth(asOf, year, month),
      history.lightsOfMonth(asOf, before.year, before.month),
      units.listAll(),
    ]);
    const previous = new Map(earlier.map((l) => [l.project_id, l.colour]));
    const names = new Map(unitRows.map((u) => [u.id, u.name]));
    const byId = new Map(projects.filter((p) => p.unit_path.startsWith(path)).map((p) => [p.id, p]));
    return lights
      .filter((l) => l.colour === 'red' && byId.has(l.project_id))
      .map((l) => ({ p: byId.get(l.project_id)!, l }))
      .sort((a, b) => Number(b.p.total_investment) - Number(a.p.total_investment))
      .slice(0, 50)
      .map(({ p, l }) => ({
        id: p.id,
        name: p.name,
        unit_name: names.get(p.lead_unit_id) ?? '',
        findings_json: l.findings_json,
        previous: previous.get(p.id) ?? null,
      }));
  }

  return {
    /** The dashboard now, or as it stood at `asOfInput` (a local date or an instant) from the immutable history. */
    async overview(actor: ActorContext, unitId?: number, asOfInput?: string) {
      const asOf = await races.resolveAsOf(asOfInput);
      const scope = listScope(actor, 'project');
      const all = await units.listAll();
      const root = all.find((u) => u.parent_id === null)!;
      const top = (unitId && all.find((u) => u.id === unitId)) || root;
      const byPath = new Map(all.map((u) => [u.path, u]));
      const { year, month } = assessedPeriod(asOf ? localDate(new Date(asOf), timeZone) : today());
      const visible = visibleSubtree(scope, top.path);

      // The units' figures are kept current as things change (unit_stats), so the year's totals,
      // curve and colours come from a few rows per unit; only the red list reads projects.
      const [figures, red, lists, race, latestBulletin] = await Promise.all([
        !visible
          ? Promise.resolve([])
          : asOf
            ? figuresAsOf(visible, year, month, asOf)
            : stats.under(visible, [0, year]),
        asOf
          ? visible
            ? redAsOf(visible, year, month, asOf)
            : Promise.resolve([])
          : dashboard.redProjects(scope, top.path),
        // The four lists read the projects' planned and actual dates, which history keeps only for starts.
        asOf ? Promise.resolve(null) : queries.fourLists(actor, year, top.id),
        currentRace(actor, asOf),
        bulletins.latest(actor),
      ]);

      type Row = {
        unitId: number;
        unitName: string;
        planYuan: number;
        completedYuan: number;
        green: number;
        yellow: number;
        red: number;
        grey: number;
      };
      const rows = new Map<number, Row>();
      const row = (path: string) => {
        const at = rollUpPath(top.path, path);
        const u = at === null ? undefined : at === top.path ? top : byPath.get(at);
        if (!u) return null;
        if (!rows.has(u.id))
          rows.set(u.id, {
            unitId: u.id,
            unitName: u.name,
            planYuan: 0,
            completedYuan: 0,
            green: 0,
            yellow: 0,
            red: 0,
            grey: 0,
          });
        return rows.get(u.id)!;
      };
      const months = new Map<number, number>();
      for (const f of figures) {
        if (f.metric === 'plan' && f.year === year) {
          const r = row(f.unit_path);
          if (r) r.planYuan += f.value;
        } else if (f.metric === 'done' && f.year === year) {
          months.set(f.month, (months.get(f.month) ?? 0) + f.value);
          const r = f.month <= month ? row(f.unit_path) : null;
          if (r) r.completedYuan += f.value;
        } else if (f.metric.startsWith('light.')) {
          const r = row(f.unit_path);
          if (r) r[f.metric.slice(6) as 'green' | 'yellow' | 'red' | 'grey'] += f.value;
        }
      }

      const timePct = timeProgress(month);
      const units_ = [...rows.values()]
        .map((r) => ({ ...r, completionPct: pct1(yearCompletion(r.completedYuan, r.planYuan)) }))
        .sort((a, b) => b.red - a.red || b.planYuan - a.planYuan);
      const planYuan = units_.reduce((s, r) => s + r.planYuan, 0);
      const completedYuan = units_.reduce((s, r) => s + r.completedYuan, 0);
      const monthly = Array.from({ length: 12 }, (_, i) => i + 1);
      let cumulative = 0;
      return {
        year,
        month,
        unitId: top.id,
        asOf,
        totals: {
          planYuan,
          completedYuan,
          completionPct: pct1(yearCompletion(completedYuan, planYuan)),
          timePct: pct1(timePct),
          gapPoints: gapOf(yearCompletion(completedYuan, planYuan), timePct),
        },
        colours: units_.reduce(
          (s, r) => ({
            green: s.green + r.green,
            yellow: s.yellow + r.yellow,
            red: s.red + r.red,
            grey: s.grey + r.grey,
          }),
          { green: 0, yellow: 0, red: 0, grey: 0 },
        ),
        units: units_,
        redList: red.map((r) => ({
          projectId: r.id,
          name: r.name,
          unitName: r.unit_name,
          reasons: (JSON.parse(r.findings_json) as { text: { 'zh-CN': string; en: string } }[]).map((f) => f.text),
          newThisMonth: r.previous !== 'red',
        })),
        monthly: monthly.map((m) => {
          const inMonth = months.get(m) ?? 0;
          cumulative += inMonth;
          return {
            month: m,
            completedYuan: inMonth,
            cumulativeYuan: m <= month ? cumulative : null,
            planCumulativeYuan: Math.round((planYuan * timeProgress(m)) / 100),
          };
        }),
        race,
        latestBulletin,
        lists:
          lists === null
            ? null
            : (Object.fromEntries(
                Object.entries(lists.lists).map(([k, v]) => [
                  k,
                  { count: v.count, done: v.done, pending: v.pending, totalInvestmentYuan: v.totalInvestmentYuan },
                ]),
              ) as NonNullable<Dashboard['lists']>),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
