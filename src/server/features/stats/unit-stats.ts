import { sql, type Kysely } from 'kysely';
import type { Colour } from '../../../domain/lights/types.ts';
import type { Stage } from '../../../domain/projects/lifecycle.ts';
import { contributionOf, differenceOf, type StatFacts, type StatRow } from '../../../domain/stats/contribution.ts';
import type { MigrationDialect } from '../../db/migrate.ts';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';
import { rebuildUnitStats } from './unit-stats.rebuild.ts';

/** A stored figure with its unit's current path, for rolling up to the units a reader looks at. */
export interface UnitStatValue {
  unit_path: string;
  year: number;
  month: number;
  metric: string;
  value: number;
}

const CHUNK = 500;

/**
 * Keeps unit_stats current. Every change to a project, its plans or its approved reports runs inside
 * `track`, which adds the difference the change made to the project's contribution; light
 * recomputations report their colour changes; bulk loads and the daily cutoff rebuild the table.
 */
export function createUnitStats(db: Kysely<DB>, dialect: MigrationDialect) {
  async function factsOf(ex: Kysely<DB>, ids: number[]): Promise<StatFacts[]> {
    if (!ids.length) return [];
    const [projects, plans, reports, lights] = await Promise.all([
      ex
        .selectFrom('projects')
        .select([
          'id',
          'lead_unit_id',
          'stage',
          'total_investment',
          'planned_start_date',
          'actual_start_date',
          'planned_production_date',
          'actual_production_date',
        ])
        .where('id', 'in', ids)
        .execute(),
      ex
        .selectFrom('project_annual_plans')
        .select(['project_id', 'year', 'amount'])
        .where('project_id', 'in', ids)
        .execute(),
      ex
        .selectFrom('monthly_reports')
        .select(['project_id', 'year', 'month', 'amount'])
        .where('project_id', 'in', ids)
        .where('is_current', '=', 1)
        .where('state', '=', 'approved')
        .execute(),
      ex.selectFrom('project_lights').select(['project_id', 'colour']).where('project_id', 'in', ids).execute(),
    ]);
    const colours = new Map(lights.map((l) => [l.project_id, l.colour as Colour]));
    return projects.map((p) => ({
      unitId: p.lead_unit_id,
      stage: p.stage as Stage,
      totalInvestment: Number(p.total_investment),
      plannedStartDate: p.planned_start_date,
      actualStartDate: p.actual_start_date,
      plannedProductionDate: p.planned_production_date,
      actualProductionDate: p.actual_production_date,
      plans: plans.filter((x) => x.project_id === p.id).map((x) => ({ year: x.year, amount: Number(x.amount) })),
      approvedReports: reports
        .filter((x) => x.project_id === p.id)
        .map((x) => ({ year: x.year, month: x.month, amount: Number(x.amount) })),
      colour: colours.get(p.id) ?? null,
    }));
  }

  const contributions = async (ex: Kysely<DB>, ids: number[]) => (await factsOf(ex, ids)).flatMap(contributionOf);

  /** Adds each row's value to the stored one (a missing row counts as zero). */
  async function add(ex: Kysely<DB>, changes: StatRow[]) {
    // One row per key: PostgreSQL refuses an upsert that touches the same row twice.
    const merged = new Map<string, StatRow>();
    for (const r of changes) {
      const k = `${r.unitId}|${r.year}|${r.month}|${r.metric}`;
      const m = merged.get(k);
      if (m) m.value += r.value;
      else merged.set(k, { ...r });
    }
    const rows = [...merged.values()].filter((r) => r.value !== 0);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await ex
        .insertInto('unit_stats')
        .values(
          rows
            .slice(i, i + CHUNK)
            .map((r) => ({ unit_id: r.unitId, year: r.year, month: r.month, metric: r.metric, value: r.value })),
        )
        .onConflict((oc) =>
          oc
            .columns(['unit_id', 'year', 'month', 'metric'])
            .doUpdateSet({ value: sql`unit_stats.value + excluded.value` }),
        )
        .execute();
    }
  }

  /**
   * On PostgreSQL, locks the projects' rows (in id order, so two lockers cannot deadlock) for the
   * caller's transaction: whoever reads a project's "before" and adds a difference waits for the
   * other. SQLite runs one write transaction at a time already.
   */
  async function lock(ex: Kysely<DB>, projectIds: number[]) {
    if (dialect === 'postgres' && projectIds.length)
      await ex.selectFrom('projects').select('id').where('id', 'in', projectIds).orderBy('id').forUpdate().execute();
  }

  return {
    lock,

    /**
     * Runs `change` (inside the caller's transaction `ex`) and adds to unit_stats the difference it
     * made to the projects' contributions. The projects' rows are locked first (`lock`) so two
     * changes to one project cannot both read the same "before".
     */
    async track<T>(ex: Kysely<DB>, projectIds: number[], change: () => Promise<T>): Promise<T> {
      await lock(ex, projectIds);
      const before = await contributions(ex, projectIds);
      const result = await change();
      await add(ex, differenceOf(before, await contributions(ex, projectIds)));
      return result;
    },

    /** A project just inserted (inside `ex`) adds its whole contribution. */
    added: async (ex: Kysely<DB>, projectId: number) => add(ex, await contributions(ex, [projectId])),

    /**
     * Light recomputations pass the colours they changed; only those move the counts. The caller
     * reads the colours before, under `lock`, in the same transaction.
     */
    async coloursChanged(ex: Kysely<DB>, changes: { unitId: number; from: string | null; to: string }[]) {
      const rows: StatRow[] = [];
      for (const c of changes) {
        if (c.from === c.to) continue;
        if (c.from) rows.push({ unitId: c.unitId, year: 0, month: 0, metric: `light.${c.from as Colour}`, value: -1 });
        rows.push({ unitId: c.unitId, year: 0, month: 0, metric: `light.${c.to as Colour}`, value: 1 });
      }
      await add(ex, rows);
    },

    rebuild: () => rebuildUnitStats(db, dialect),

    /**
     * The stored figures of every unit in the subtree at `path`, for the given years (0 holds the
     * figures without a year). The caller rolls them up; a county has a few thousand such rows.
     */
    async under(path: string, years: number[]): Promise<UnitStatValue[]> {
      const [lo, hi] = subtreeRange(path);
      const rows = await db
        .selectFrom('unit_stats as s')
        .innerJoin('units as u', 'u.id', 's.unit_id')
        .where('u.path', '>=', lo)
        .where('u.path', '<', hi)
        .where('s.year', 'in', years)
        .select(['u.path as unit_path', 's.year', 's.month', 's.metric', 's.value'])
        .execute();
      return rows.map((r) => ({ ...r, value: Number(r.value) }));
    },

    /** Every stored row, for the tests that compare the incremental path with a rebuild. */
    all: () =>
      db
        .selectFrom('unit_stats')
        .selectAll()
        .where('value', '<>', 0)
        .orderBy(['unit_id', 'year', 'month', 'metric'])
        .execute(),
  };
}

export type UnitStats = ReturnType<typeof createUnitStats>;
