import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * Reads of the immutable history (migration 0012): each table as it stood at an instant `asOf` (an
 * ISO UTC timestamp), or live when `asOf` is null. A version counts from its `valid_from`; of several
 * at or before the instant, the latest (then the highest id) is the one in force.
 *
 * A county holds a few thousand projects, so these return rows for the caller to fold with the
 * domain's rules; nothing here decides what counts.
 */
export function createHistoryRepository(db: Kysely<DB>) {
  return {
    /** Every project's race facts at `asOf` (projects created later are absent), with its current name and code. */
    async projects(asOf: string | null) {
      if (asOf === null) {
        return db
          .selectFrom('projects')
          .select([
            'id',
            'name',
            'code',
            'lead_unit_id',
            'unit_path',
            'stage',
            'total_investment',
            'planned_start_date',
            'actual_start_date',
          ])
          .execute();
      }
      return db
        .selectFrom('project_versions as v')
        .leftJoin('projects as p', 'p.id', 'v.project_id')
        .where('v.valid_from', '<=', asOf)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('project_versions as w')
                .select('w.id')
                .whereRef('w.project_id', '=', 'v.project_id')
                .where('w.valid_from', '<=', asOf)
                .where((eb) =>
                  eb.or([
                    eb('w.valid_from', '>', eb.ref('v.valid_from')),
                    eb.and([eb('w.valid_from', '=', eb.ref('v.valid_from')), eb('w.id', '>', eb.ref('v.id'))]),
                  ]),
                ),
            ),
          ),
        )
        .select([
          'v.project_id as id',
          sql<string>`coalesce(p.name, '')`.as('name'),
          'p.code',
          'v.lead_unit_id',
          'v.unit_path',
          'v.stage',
          'v.total_investment',
          'v.planned_start_date',
          'v.actual_start_date',
        ])
        .execute();
    },

    /**
     * The approved report revision that counted for each project and month of `year` up to `upToMonth`
     * at `asOf`: the highest revision approved by then (later corrections are not yet there).
     */
    async approvedReports(asOf: string | null, year: number, upToMonth: number) {
      let q = db
        .selectFrom('monthly_reports as r')
        .where('r.year', '=', year)
        .where('r.month', '<=', upToMonth)
        .where('r.state', '=', 'approved')
        .select([
          'r.id',
          'r.project_id',
          'r.year',
          'r.month',
          'r.revision',
          'r.amount',
          'r.reviewed_at',
          'r.reviewed_by',
        ]);
      if (asOf === null) return q.where('r.is_current', '=', 1).execute();
      q = q
        .where('r.reviewed_at', '<=', asOf)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('monthly_reports as s')
                .select('s.id')
                .whereRef('s.project_id', '=', 'r.project_id')
                .whereRef('s.year', '=', 'r.year')
                .whereRef('s.month', '=', 'r.month')
                .where('s.state', '=', 'approved')
                .where('s.reviewed_at', '<=', asOf)
                .whereRef('s.revision', '>', 'r.revision'),
            ),
          ),
        );
      return q.execute();
    },

    /** Each project's light for an assessed month at `asOf` (live: the month's latest). */
    async lightsOfMonth(asOf: string | null, year: number, month: number) {
      if (asOf === null) {
        return db
          .selectFrom('project_light_months')
          .select(['project_id', 'colour', 'findings_json', 'rule_set_version'])
          .where('year', '=', year)
          .where('month', '=', month)
          .execute();
      }
      return db
        .selectFrom('light_history as h')
        .where('h.year', '=', year)
        .where('h.month', '=', month)
        .where('h.at', '<=', asOf)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('light_history as g')
                .select('g.id')
                .whereRef('g.project_id', '=', 'h.project_id')
                .where('g.year', '=', year)
                .where('g.month', '=', month)
                .where('g.at', '<=', asOf)
                .where((eb) =>
                  eb.or([
                    eb('g.at', '>', eb.ref('h.at')),
                    eb.and([eb('g.at', '=', eb.ref('h.at')), eb('g.id', '>', eb.ref('h.id'))]),
                  ]),
                ),
            ),
          ),
        )
        .select(['h.project_id', 'h.colour', 'h.findings_json', 'h.rule_set_version'])
        .execute();
    },

    /** Annual plans of `year` at `asOf` (a removed plan is absent). */
    async plans(asOf: string | null, year: number) {
      if (asOf === null)
        return db
          .selectFrom('project_annual_plans')
          .select(['project_id', 'amount'])
          .where('year', '=', year)
          .execute();
      const rows = await db
        .selectFrom('plan_versions')
        .select(['id', 'project_id', 'amount', 'valid_from'])
        .where('year', '=', year)
        .where('valid_from', '<=', asOf)
        .orderBy('valid_from')
        .orderBy('id')
        .execute();
      return latest(rows, (r) => String(r.project_id)).filter(
        (r): r is typeof r & { amount: number } => r.amount !== null,
      );
    },

    /** Targets of `year` for the indicators at `asOf`. */
    async targets(asOf: string | null, year: number, indicators: string[]) {
      if (!indicators.length) return [];
      if (asOf === null)
        return db
          .selectFrom('targets')
          .select(['unit_id', 'indicator', 'value'])
          .where('year', '=', year)
          .where('indicator', 'in', indicators)
          .execute();
      const rows = await db
        .selectFrom('target_versions')
        .select(['id', 'unit_id', 'indicator', 'value', 'valid_from'])
        .where('year', '=', year)
        .where('indicator', 'in', indicators)
        .where('valid_from', '<=', asOf)
        .orderBy('valid_from')
        .orderBy('id')
        .execute();
      return latest(rows, (r) => `${r.unit_id}|${r.indicator}`).filter(
        (r): r is typeof r & { value: number } => r.value !== null,
      );
    },

    /** Entered statistics of (year, month) for the indicators at `asOf`. */
    async indicatorValues(asOf: string | null, year: number, month: number, indicators: string[]) {
      if (!indicators.length) return [];
      if (asOf === null)
        return db
          .selectFrom('indicator_values')
          .select(['unit_id', 'indicator', 'value'])
          .where('year', '=', year)
          .where('month', '=', month)
          .where('indicator', 'in', indicators)
          .execute();
      const rows = await db
        .selectFrom('indicator_value_versions')
        .select(['id', 'unit_id', 'indicator', 'value', 'valid_from'])
        .where('year', '=', year)
        .where('month', '=', month)
        .where('indicator', 'in', indicators)
        .where('valid_from', '<=', asOf)
        .orderBy('valid_from')
        .orderBy('id')
        .execute();
      return latest(rows, (r) => `${r.unit_id}|${r.indicator}`).filter(
        (r): r is typeof r & { value: number } => r.value !== null,
      );
    },

    /** A race's definition (JSON) at `asOf`; undefined when the race did not exist yet. */
    async raceDefinition(raceId: number, asOf: string) {
      const row = await db
        .selectFrom('race_versions')
        .select('definition_json')
        .where('race_id', '=', raceId)
        .where('valid_from', '<=', asOf)
        .orderBy('valid_from', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.definition_json;
    },

    /** Report revisions approved after `since` for months of `year` up to `upToMonth`: the corrections a live figure has that a published one has not. */
    async approvedSince(since: string, year: number, upToMonth: number) {
      return db
        .selectFrom('monthly_reports as r')
        .innerJoin('projects as p', 'p.id', 'r.project_id')
        .where('r.year', '=', year)
        .where('r.month', '<=', upToMonth)
        .where('r.state', '=', 'approved')
        .where('r.reviewed_at', '>', since)
        .select([
          'r.id',
          'r.project_id',
          'p.name as project_name',
          'r.month',
          'r.revision',
          'r.amount',
          'r.correction_reason',
          'r.reviewed_at',
          'r.reviewed_by',
        ])
        .orderBy('r.reviewed_at')
        .execute();
    },
  };
}

/** The last row per key of rows sorted by time. */
function latest<T>(rows: T[], key: (r: T) => string): T[] {
  const out = new Map<string, T>();
  for (const r of rows) out.set(key(r), r);
  return [...out.values()];
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
