import type { Kysely } from 'kysely';
import { indicatorByKey, type ComputedMetric, type IndicatorKey } from '../../../domain/race/indicators.ts';
import { countByTier } from '../../../domain/race/methods/tiered-count.ts';
import type { RacePeriod } from '../../../domain/race/period.ts';
import type { RaceDefinition } from '../../../domain/race/race-definition.ts';
import type { IndicatorValue, RaceUnit } from '../../../domain/race/ranking.ts';
import { groupForKind } from '../../../domain/race/race-definition.ts';
import type { UnitKind } from '../../../domain/units/unit-tree.ts';
import type { DB } from '../../db/schema.ts';
import type { UnitStats } from '../stats/unit-stats.ts';

/** How far back overdue starts are counted: a project planned ten years ago and never started is dropped in practice. */
const YEARS_BACK = 10;

export interface RankedUnit extends RaceUnit {
  path: string;
}

/**
 * The figures a race scores, per indicator and unit, for a period: computed ones year to date from
 * the per-unit statistics (a unit's whole subtree counts), statistics entered by hand at the
 * period's last month, and the year's targets.
 */
export function createRaceValues({ db, stats }: { db: Kysely<DB>; stats: Pick<UnitStats, 'under'> }) {
  /** Every unit whose kind one of the race's groups ranks. */
  async function rankedUnits(definition: RaceDefinition): Promise<RankedUnit[]> {
    const rows = await db.selectFrom('units').select(['id', 'name', 'kind', 'path']).execute();
    return rows.flatMap((u) => {
      const group = groupForKind(definition, u.kind as UnitKind);
      return group ? [{ unitId: u.id, name: u.name, group: group.key, path: u.path }] : [];
    });
  }

  async function values(definition: RaceDefinition, period: RacePeriod, units: RankedUnit[]): Promise<Map<IndicatorKey, Map<number, IndicatorValue>>> {
    const keys = definition.indicators.map((i) => i.key);
    const byPath = new Map(units.map((u) => [u.path, u.unitId]));
    // The ranked unit a figure belongs to: the nearest ranked unit on its path (a village counts for its township).
    const ownerOf = (path: string): number | undefined => {
      for (let end = path.length - 1; end > 0; end = path.lastIndexOf('/', end - 1)) {
        const id = byPath.get(path.slice(0, end + 1));
        if (id !== undefined) return id;
      }
      return undefined;
    };
    const root = await db.selectFrom('units').select('path').where('parent_id', 'is', null).executeTakeFirst();
    const years = [0, ...Array.from({ length: YEARS_BACK + 1 }, (_, i) => period.year - YEARS_BACK + i)];
    const figures = root ? await stats.under(root.path, years) : [];

    const computed = new Map<ComputedMetric, Map<number, number>>();
    const add = (metric: ComputedMetric, unitId: number | undefined, v: number) => {
      if (unitId === undefined) return;
      const m = computed.get(metric) ?? new Map<number, number>();
      m.set(unitId, (m.get(unitId) ?? 0) + v);
      computed.set(metric, m);
    };
    const inPeriod = (y: number, m: number) => y === period.year && m >= 1 && m <= period.endMonth;
    for (const f of figures) {
      if (f.metric === 'done' && inPeriod(f.year, f.month)) add('done', ownerOf(f.unit_path), f.value);
      else if (f.metric === 'starts' && inPeriod(f.year, f.month)) add('starts', ownerOf(f.unit_path), f.value);
      else if (f.metric === 'startsAboveYi' && inPeriod(f.year, f.month)) add('startsAboveYi', ownerOf(f.unit_path), f.value);
      else if (f.metric === 'light.red') add('red', ownerOf(f.unit_path), f.value);
      // Overdue once the planned start month has ended by the period's end.
      else if (f.metric === 'startDue' && f.year > 0 && (f.year < period.year || (f.year === period.year && f.month <= period.endMonth))) add('overdueStarts', ownerOf(f.unit_path), f.value);
    }

    const ids = units.map((u) => u.unitId);
    const manualKeys = keys.filter((k) => indicatorByKey(k).source.kind === 'manual');
    const [targets, manual] = await Promise.all([
      ids.length ? db.selectFrom('targets').select(['unit_id', 'indicator', 'value']).where('year', '=', period.year).where('indicator', 'in', keys).execute() : [],
      manualKeys.length ? db.selectFrom('indicator_values').select(['unit_id', 'indicator', 'value']).where('year', '=', period.year).where('month', '=', period.endMonth).where('indicator', 'in', manualKeys).execute() : [],
    ]);
    const tiered = await tieredCounts(definition, period, ownerOf);

    const out = new Map<IndicatorKey, Map<number, IndicatorValue>>();
    for (const ri of definition.indicators) {
      const indicator = indicatorByKey(ri.key);
      const m = new Map<number, IndicatorValue>();
      const source = indicator.source;
      for (const u of units) {
        let value: number | null = null;
        if (source.kind === 'computed') {
          // Deals and tickets come with later modules: no data, not zero.
          const have = computed.has(source.metric) || ['done', 'starts', 'startsAboveYi', 'red', 'overdueStarts'].includes(source.metric);
          value = have ? (computed.get(source.metric)?.get(u.unitId) ?? 0) : null;
        }
        m.set(u.unitId, { value, target: null, ...(tiered.has(ri.key) ? { counts: tiered.get(ri.key)!.get(u.unitId) ?? [] } : {}) });
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
  async function tieredCounts(definition: RaceDefinition, period: RacePeriod, ownerOf: (path: string) => number | undefined) {
    const out = new Map<IndicatorKey, Map<number, number[]>>();
    for (const ri of definition.indicators) {
      if (ri.method !== 'tieredCount') continue;
      const to = `${period.year}-${String(period.endMonth).padStart(2, '0')}-31`;
      const rows = await db.selectFrom('projects').select(['unit_path', 'total_investment']).where('actual_start_date', '>=', `${period.year}-01-01`).where('actual_start_date', '<=', to).execute();
      const byUnit = new Map<number, number[]>();
      for (const r of rows) {
        const id = ownerOf(r.unit_path);
        if (id === undefined) continue;
        byUnit.set(id, [...(byUnit.get(id) ?? []), Number(r.total_investment)]);
      }
      out.set(ri.key, new Map([...byUnit].map(([id, investments]) => [id, countByTier(investments, ri.params.tiers)])));
    }
    return out;
  }

  return { rankedUnits, values };
}

export type RaceValues = ReturnType<typeof createRaceValues>;
