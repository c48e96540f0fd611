import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { chunks, createBulkInsert, perStatement } from '../../../db/bulk-insert.ts';
import type { ProjectRow } from '../../projects/projects.repository.ts';

export type NewProjectRow = Omit<ProjectRow, 'id'>;

/** Columns written by the bulk inserts, in the order their rows are given. */
export const COLUMNS = {
  tags: ['tag', 'project_id'],
  plans: ['project_id', 'year', 'amount'],
  stageChanges: ['project_id', 'from_stage', 'to_stage', 'reason', 'actor_id', 'actor_name', 'at'],
  audit: [
    'at',
    'actor_id',
    'actor_name',
    'action',
    'object_type',
    'object_id',
    'unit_path',
    'summary',
    'before_json',
    'after_json',
    'ip',
  ],
} as const;

/**
 * The queries that write a ledger's rows: bulk inserts (`insertRows`), the projects a batch names, and
 * their tags, plans, figures and audit events; every batch write takes the caller's transaction.
 */
export function createLedgerWrites(db: Kysely<DB>, sqlite: SQLite.Database | null = null) {
  const insertRows = createBulkInsert(sqlite);
  return {
    insertRows,

    units: () => db.selectFrom('units').select(['id', 'name', 'kind', 'path']).execute(),

    /** `lock` (PostgreSQL) holds the rows for the caller's transaction: FOR UPDATE. */
    projectsByCodes: (ex: Kysely<DB>, codes: string[], lock = false) =>
      codes.length
        ? ex
            .selectFrom('projects')
            .selectAll()
            .where('code', 'in', codes)
            .$if(lock, (q) => q.forUpdate())
            .execute()
        : Promise.resolve([] as ProjectRow[]),

    /**
     * Projects with any of the (lead unit, name) pairs, and on SQLite others of those units and names
     * (the caller looks each pair up). PostgreSQL gets the pairs themselves: given lead_unit_id IN (…)
     * AND name IN (…), its planner — its statistics not counting the rows this import's transaction
     * added — scanned every project of the unit for each batch when one unit leads them all.
     */
    projectsByLeadNames(
      ex: Kysely<DB>,
      pairs: { leadId: number; name: string }[],
      lock = false,
    ): Promise<ProjectRow[]> {
      if (!pairs.length) return Promise.resolve([]);
      const q = sqlite
        ? ex
            .selectFrom('projects')
            .selectAll()
            .where('lead_unit_id', 'in', [...new Set(pairs.map((p) => p.leadId))])
            .where('name', 'in', [...new Set(pairs.map((p) => p.name))])
        : ex
            .selectFrom('projects')
            .selectAll()
            .where(
              sql<boolean>`(lead_unit_id, name) IN (SELECT * FROM unnest(${pairs.map((p) => p.leadId)}::integer[], ${pairs.map((p) => p.name)}::text[]))`,
            );
      return q.$if(lock, (x) => x.forUpdate()).execute();
    },

    plansOf: (ex: Kysely<DB>, ids: number[]) =>
      ids.length
        ? ex
            .selectFrom('project_annual_plans')
            .select(['project_id', 'year', 'amount'])
            .where('project_id', 'in', ids)
            .execute()
        : Promise.resolve([]),

    /** Adds each row's value to the stored figure, as unit-stats.ts does for a tracked change. */
    async addUnitStats(
      ex: Kysely<DB>,
      rows: { unitId: number; year: number; month: number; metric: string; value: number }[],
    ) {
      const values = rows
        .filter((r) => r.value !== 0)
        .map((r) => ({ unit_id: r.unitId, year: r.year, month: r.month, metric: r.metric, value: r.value }));
      for (const part of chunks(values, 500)) {
        await ex
          .insertInto('unit_stats')
          .values(part)
          .onConflict((oc) =>
            oc
              .columns(['unit_id', 'year', 'month', 'metric'])
              .doUpdateSet({ value: sql`unit_stats.value + excluded.value` }),
          )
          .execute();
      }
    },

    updatedAtOf: (ex: Kysely<DB>, ids: number[]) =>
      ex.selectFrom('projects').select(['id', 'updated_at']).where('id', 'in', ids).execute(),

    updateProject: (ex: Kysely<DB>, id: number, patch: Partial<NewProjectRow>) =>
      ex.updateTable('projects').set(patch).where('id', '=', id).execute(),

    async replaceTags(ex: Kysely<DB>, byProject: Map<number, string[]>) {
      const ids = [...byProject.keys()];
      for (const part of chunks(ids, 1000))
        await ex.deleteFrom('project_tags').where('project_id', 'in', part).execute();
      const rows = [...byProject].flatMap(([project_id, tags]) => tags.map((tag) => ({ tag, project_id })));
      for (const part of chunks(rows, 5000)) await ex.insertInto('project_tags').values(part).execute();
    },

    /** Sets one year's plan per project, leaving its other years as they are. */
    async setPlans(ex: Kysely<DB>, plans: { project_id: number; year: number; amount: number }[]) {
      for (const part of chunks(plans, 500)) {
        await ex
          .deleteFrom('project_annual_plans')
          .where((eb) => eb.or(part.map((p) => eb.and([eb('project_id', '=', p.project_id), eb('year', '=', p.year)]))))
          .execute();
        await ex
          .insertInto('project_annual_plans')
          .values(part.map((p) => ({ ...p, monthly_curve: null })))
          .execute();
      }
    },

    /** Audit events in bulk, in the shape audit.repository.ts writes one at a time. */
    async insertAuditEvents(ex: Kysely<DB>, rows: Omit<DB['audit_events'], 'id'>[]) {
      for (const part of chunks(rows, perStatement(rows))) await ex.insertInto('audit_events').values(part).execute();
    },
  };
}
