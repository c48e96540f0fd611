import type { Kysely } from 'kysely';
import { indicatorByKey, type ComputedMetric, type IndicatorKey } from '../../../domain/race/indicators.ts';
import {
  hasIndicatorData,
  isAvailableMetric,
  type AvailableMetric,
  isOverdueStartAt,
  isReportInPeriod,
  OVERDUE_YEARS_BACK,
  periodDays,
  PROJECT_METRICS,
  type ProjectRaceFacts,
} from '../../../domain/race/metrics.ts';
import { countByTier } from '../../../domain/race/methods/tiered-count.ts';
import type { RacePeriod } from '../../../domain/race/period.ts';
import { isTicketMetric } from '../../../domain/race/ticket-metrics.ts';
import { createTicketFigures } from './race-ticket-values.ts';
import { createDealFigures } from './race-deal-values.ts';
import { isDealMetric } from '../../../domain/race/deal-metrics.ts';
import type { RaceDefinition } from '../../../domain/race/race-definition.ts';
import type { IndicatorValue, RaceUnit } from '../../../domain/race/ranking.ts';
import { groupForKind } from '../../../domain/race/race-definition.ts';
import type { UnitKind } from '../../../domain/units/unit-tree.ts';
import type { DB } from '../../db/schema.ts';
import type { HistoryRepository } from '../history/history.repository.ts';
import type { UnitStats } from '../stats/unit-stats.ts';
import type { LocalisedText } from '../../../domain/lights/types.ts';
import type { FigureRecordsOf, RecordProject, RecordReport } from '../../../contract/race.ts';

export interface RankedUnit extends RaceUnit {
  path: string;
}

/** The drill-through's records are the contract's (src/contract/race.ts): a unit's figure, its projects, its reports. */
export type { RecordProject, RecordReport };
export type FigureRecords = FigureRecordsOf;

/** The metrics whose records Lantern keeps: those the server computes (the domain's one list; the others wait for their modules). */
export type RecordMetric = AvailableMetric;
export const isRecordMetric = isAvailableMetric;

type ProjectRow = Awaited<ReturnType<HistoryRepository['projects']>>[number];
const factsOf = (p: ProjectRow): ProjectRaceFacts => ({
  stage: p.stage,
  totalInvestment: Number(p.total_investment),
  plannedStartDate: p.planned_start_date,
  actualStartDate: p.actual_start_date,
});

/** The ranked unit a figure belongs to: the nearest ranked unit on its path (a village counts for its township). */
function ownerFinder(units: RankedUnit[]) {
  const byPath = new Map(units.map((u) => [u.path, u.unitId]));
  return (path: string): number | undefined => {
    for (let end = path.length - 1; end > 0; end = path.lastIndexOf('/', end - 1)) {
      const id = byPath.get(path.slice(0, end + 1));
      if (id !== undefined) return id;
    }
    return undefined;
  };
}

/**
 * The figures a race scores, per indicator and unit, for a period — live, or as they stood at an
 * instant `asOf` from the immutable history (approved revisions by approval time, project versions,
 * each month's light, targets and statistics by their time). Every figure is bound to the period's
 * end (src/domain/race/metrics.ts): starts and investment year to date through its last month, red
 * lights of that month, starts overdue at its last day.
 *
 * Live, the sums come from the per-unit statistics (unit_stats) where those are period-exact
 * (investment, starts); red and overdue projects are read per project. As of an instant, everything
 * is folded from history rows with the domain's predicates — the same ones the drill-through uses,
 * and the integration tests check that both ways give the same numbers.
 */
export function createRaceValues({
  db,
  stats,
  history,
  timeZone,
}: {
  db: Kysely<DB>;
  stats: Pick<UnitStats, 'under'>;
  history: HistoryRepository;
  timeZone: string;
}) {
  const ticketFigures = createTicketFigures({ db, timeZone });
  const dealFigures = createDealFigures({ db, timeZone });

  /** Every unit whose kind one of the race's groups ranks. */
  async function rankedUnits(definition: RaceDefinition): Promise<RankedUnit[]> {
    const rows = await db.selectFrom('units').select(['id', 'name', 'kind', 'path']).execute();
    return rows.flatMap((u) => {
      const group = groupForKind(definition, u.kind as UnitKind);
      return group ? [{ unitId: u.id, name: u.name, group: group.key, path: u.path }] : [];
    });
  }

  /** Live: the projects with a red light for the period's last month, and those overdue at its end. */
  async function liveRedAndOverdue(period: RacePeriod) {
    const { to } = periodDays(period);
    const [red, overdue] = await Promise.all([
      db
        .selectFrom('project_light_months as l')
        .innerJoin('projects as p', 'p.id', 'l.project_id')
        .where('l.year', '=', period.year)
        .where('l.month', '=', period.endMonth)
        .where('l.colour', '=', 'red')
        .select(['p.unit_path'])
        .execute(),
      db
        .selectFrom('projects')
        .select(['unit_path', 'stage', 'total_investment', 'planned_start_date', 'actual_start_date'])
        .where('stage', '<>', 'dropped')
        .where('planned_start_date', '>=', `${period.year - OVERDUE_YEARS_BACK}-01-01`)
        .where('planned_start_date', '<=', to)
        .where((eb) => eb.or([eb('actual_start_date', 'is', null), eb('actual_start_date', '>', to)]))
        .execute(),
    ]);
    return {
      red: red.map((r) => r.unit_path),
      overdue: overdue
        .filter((p) => isOverdueStartAt(factsOf({ ...p, id: 0, name: '', code: null, lead_unit_id: 0 }), period))
        .map((p) => p.unit_path),
    };
  }

  /** Per-unit sums of the computed metrics. */
  async function computedFigures(
    period: RacePeriod,
    ownerOf: (path: string) => number | undefined,
    asOf: string | null,
  ) {
    const computed = new Map<ComputedMetric, Map<number, number>>();
    const add = (metric: ComputedMetric, path: string, v: number) => {
      const unitId = ownerOf(path);
      if (unitId === undefined) return;
      const m = computed.get(metric) ?? new Map<number, number>();
      m.set(unitId, (m.get(unitId) ?? 0) + v);
      computed.set(metric, m);
    };
    if (asOf === null) {
      const root = await db.selectFrom('units').select('path').where('parent_id', 'is', null).executeTakeFirst();
      const figures = root ? await stats.under(root.path, [period.year]) : [];
      for (const f of figures) {
        if (!isReportInPeriod(f, period)) continue;
        if (f.metric === 'done' || f.metric === 'starts' || f.metric === 'startsAboveYi')
          add(f.metric, f.unit_path, f.value);
      }
      const { red, overdue } = await liveRedAndOverdue(period);
      for (const path of red) add('red', path, 1);
      for (const path of overdue) add('overdueStarts', path, 1);
      return computed;
    }
    const [projects, reports, lights] = await Promise.all([
      history.projects(asOf),
      history.approvedReports(asOf, period.year, period.endMonth),
      history.lightsOfMonth(asOf, period.year, period.endMonth),
    ]);
    const pathOf = new Map(projects.map((p) => [p.id, p.unit_path]));
    for (const p of projects) {
      const facts = factsOf(p);
      for (const [metric, counts] of Object.entries(PROJECT_METRICS))
        if (counts(facts, period)) add(metric as ComputedMetric, p.unit_path, 1);
    }
    for (const r of reports) {
      const path = pathOf.get(r.project_id);
      if (path && isReportInPeriod(r, period)) add('done', path, Number(r.amount));
    }
    for (const l of lights) {
      const path = pathOf.get(l.project_id);
      if (path && l.colour === 'red') add('red', path, 1);
    }
    return computed;
  }

  async function values(
    definition: RaceDefinition,
    period: RacePeriod,
    units: RankedUnit[],
    asOf: string | null = null,
  ): Promise<Map<IndicatorKey, Map<number, IndicatorValue>>> {
    const keys = definition.indicators.map((i) => i.key);
    const ownerOf = ownerFinder(units);
    const manualKeys = keys.filter((k) => indicatorByKey(k).source.kind === 'manual');
    const wantsTickets = definition.indicators.some((ri) => {
      const source = indicatorByKey(ri.key).source;
      return source.kind === 'computed' && isTicketMetric(source.metric);
    });
    const wantsDeals = definition.indicators.some((ri) => {
      const source = indicatorByKey(ri.key).source;
      return source.kind === 'computed' && isDealMetric(source.metric);
    });
    const [computed, targets, manual, tiered, tickets, deals] = await Promise.all([
      computedFigures(period, ownerOf, asOf),
      units.length ? history.targets(asOf, period.year, keys) : [],
      history.indicatorValues(asOf, period.year, period.endMonth, manualKeys),
      tieredCounts(definition, period, ownerOf, asOf),
      wantsTickets ? ticketFigures(period, ownerOf, asOf) : null,
      wantsDeals ? dealFigures(period, ownerOf, asOf) : null,
    ]);

    const out = new Map<IndicatorKey, Map<number, IndicatorValue>>();
    for (const ri of definition.indicators) {
      const indicator = indicatorByKey(ri.key);
      const source = indicator.source;
      const m = new Map<number, IndicatorValue>();
      for (const u of units) {
        let value: number | null = null;
        // A rate without a base is no data, not zero.
        if (source.kind === 'computed' && isTicketMetric(source.metric))
          value = tickets ? tickets.figure(source.metric, u.unitId) : null;
        else if (source.kind === 'computed' && isDealMetric(source.metric))
          value = deals ? deals.figure(source.metric, u.unitId) : null;
        else if (source.kind === 'computed' && hasIndicatorData(indicator))
          value = computed.get(source.metric)?.get(u.unitId) ?? 0;
        m.set(u.unitId, {
          value,
          target: null,
          ...(tiered.has(ri.key) ? { counts: tiered.get(ri.key)!.get(u.unitId) ?? [] } : {}),
        });
      }
      out.set(ri.key, m);
    }
    for (const r of manual) {
      const e = out.get(r.indicator as IndicatorKey)?.get(r.unit_id);
      if (e) e.value = Number(r.value);
    }
    for (const t of targets) {
      const e = out.get(t.indicator as IndicatorKey)?.get(t.unit_id);
      if (e) e.target = Number(t.value);
    }
    return out;
  }

  /**
   * For `tieredCount` indicators: each unit's projects started in the period, counted per investment
   * tier. Read from the projects themselves, since tiers are part of the race, not of the statistics.
   */
  async function tieredCounts(
    definition: RaceDefinition,
    period: RacePeriod,
    ownerOf: (path: string) => number | undefined,
    asOf: string | null,
  ) {
    const out = new Map<IndicatorKey, Map<number, number[]>>();
    const tieredIndicators = definition.indicators.filter((ri) => ri.method === 'tieredCount');
    if (!tieredIndicators.length) return out;
    const started = (await history.projects(asOf)).filter((p) => PROJECT_METRICS.starts(factsOf(p), period));
    for (const ri of tieredIndicators) {
      const byUnit = new Map<number, number[]>();
      for (const p of started) {
        const id = ownerOf(p.unit_path);
        if (id !== undefined) byUnit.set(id, [...(byUnit.get(id) ?? []), Number(p.total_investment)]);
      }
      out.set(ri.key, new Map([...byUnit].map(([id, investments]) => [id, countByTier(investments, ri.params.tiers)])));
    }
    return out;
  }

  /**
   * The records behind every unit's figure of each metric (the drill-through and a bulletin's Excel
   * appendix): the projects a count counts, or the approved report revisions an amount sums — chosen
   * by the same predicates as the figure, live or as of the instant. History is read once for all
   * units; every ranked unit gets an entry (an empty one when nothing counts); a metric without
   * records here (deals, tickets) gets none. Projects and reports come in project id order (then month).
   */
  async function recordsByUnit(
    period: RacePeriod,
    units: RankedUnit[],
    metrics: readonly ComputedMetric[],
    asOf: string | null,
  ): Promise<Map<ComputedMetric, Map<number, FigureRecords>>> {
    const wanted = metrics.filter(isRecordMetric);
    const out = new Map<ComputedMetric, Map<number, FigureRecords>>();
    if (!wanted.length) return out;
    const ownerOf = ownerFinder(units);
    const owner = new Map<number, number>();
    const byId = new Map<number, ProjectRow>();
    for (const p of [...(await history.projects(asOf))].sort((a, b) => a.id - b.id)) {
      const unitId = ownerOf(p.unit_path);
      if (unitId === undefined) continue;
      owner.set(p.id, unitId);
      byId.set(p.id, p);
    }
    const [reports, lights] = await Promise.all([
      wanted.includes('done') ? history.approvedReports(asOf, period.year, period.endMonth) : Promise.resolve([]),
      wanted.includes('red') ? history.lightsOfMonth(asOf, period.year, period.endMonth) : Promise.resolve([]),
    ]);
    const project = (p: ProjectRow): RecordProject => ({
      projectId: p.id,
      name: p.name,
      code: p.code,
      stage: p.stage,
      totalInvestmentYuan: Number(p.total_investment),
      plannedStartDate: p.planned_start_date,
      actualStartDate: p.actual_start_date,
    });

    for (const metric of wanted) {
      const perUnit = new Map<number, FigureRecords>(
        units.map((u) => [
          u.unitId,
          { count: 0, sumYuan: metric === 'done' ? 0 : null, projects: [], reports: [], tickets: [], deals: [] },
        ]),
      );
      const entry = (projectId: number) => perUnit.get(owner.get(projectId)!)!;
      if (metric === 'done') {
        const counted = reports
          .filter((r) => byId.has(r.project_id) && isReportInPeriod(r, period))
          .sort((a, b) => a.project_id - b.project_id || a.month - b.month);
        for (const r of counted) {
          const e = entry(r.project_id);
          const amountYuan = Number(r.amount);
          e.count++;
          e.sumYuan = (e.sumYuan ?? 0) + amountYuan;
          if (e.projects.at(-1)?.projectId !== r.project_id) e.projects.push(project(byId.get(r.project_id)!));
          e.reports.push({
            reportId: r.id,
            projectId: r.project_id,
            projectName: byId.get(r.project_id)!.name,
            year: r.year,
            month: r.month,
            revision: r.revision,
            amountYuan,
            approvedAt: r.reviewed_at,
            approvedBy: r.reviewed_by,
          });
        }
      } else if (metric === 'red') {
        const red = lights
          .filter((l) => l.colour === 'red' && byId.has(l.project_id))
          .sort((a, b) => a.project_id - b.project_id);
        for (const l of red) {
          const e = entry(l.project_id);
          const reasons = (JSON.parse(l.findings_json) as { text: LocalisedText }[]).map((f) => f.text);
          e.count++;
          e.projects.push({ ...project(byId.get(l.project_id)!), reasons, ruleSetVersion: l.rule_set_version });
        }
      } else {
        for (const p of byId.values()) {
          if (!PROJECT_METRICS[metric](factsOf(p), period)) continue;
          const e = entry(p.id);
          e.count++;
          e.projects.push(project(p));
        }
      }
      out.set(metric, perUnit);
    }
    return out;
  }

  /**
   * The records behind one computed figure of one unit: its projects or reports, or for a ticket metric
   * the tickets of its base from the same fold as the figure, for a deal metric the deals likewise; null for
   * a metric without records here (entered statistics).
   */
  async function records(
    period: RacePeriod,
    units: RankedUnit[],
    metric: ComputedMetric,
    unitId: number,
    asOf: string | null,
  ): Promise<FigureRecords | null> {
    if (isTicketMetric(metric)) {
      const tickets = (await ticketFigures(period, ownerFinder(units), asOf)).records(metric, unitId);
      return { count: tickets.length, sumYuan: null, projects: [], reports: [], tickets, deals: [] };
    }
    if (isDealMetric(metric)) {
      const deals = (await dealFigures(period, ownerFinder(units), asOf)).records(metric, unitId);
      const sumYuan = metric === 'dealFundsInPlace' ? deals.reduce((sum, d) => sum + d.fundsYuan, 0) : null;
      return { count: deals.length, sumYuan, projects: [], reports: [], tickets: [], deals };
    }
    if (!isRecordMetric(metric)) return null;
    const perUnit = (await recordsByUnit(period, units, [metric], asOf)).get(metric);
    return perUnit?.get(unitId) ?? null;
  }

  return { rankedUnits, values, records, recordsByUnit };
}

export type RaceValues = ReturnType<typeof createRaceValues>;
