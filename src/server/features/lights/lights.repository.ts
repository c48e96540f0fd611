import type { Kysely } from 'kysely';
import { claimJobRun, finishJobRun } from '../../db/job-runs.ts';
import type { DB } from '../../db/schema.ts';

/** One project's light for one month, as stored (the current light adds its exemptions). */
export type LightRow = {
  project_id: number;
  year: number;
  month: number;
  colour: string;
  findings_json: string;
  rule_set_version: number;
  computed_at: string;
};

/** Typed queries over rule sets, lights (current, per month, history), exemptions and the cutoff's runs. */
export function createLightRepository(db: Kysely<DB>) {
  return {
    latestRuleSet: (ex: Kysely<DB> = db) =>
      ex.selectFrom('light_rule_sets').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst(),

    insertRuleSet: (ex: Kysely<DB>, row: DB['light_rule_sets']) =>
      ex.insertInto('light_rule_sets').values(row).execute(),

    /** A page of project ids after `after`, by id. */
    async projectIdsAfter(after: number, limit: number, ex: Kysely<DB> = db) {
      const rows = await ex
        .selectFrom('projects')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    findProject: (id: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('projects').select(['id', 'name', 'unit_path']).where('id', '=', id).executeTakeFirst(),

    /** The projects' lead units and current colours (null before their first light). */
    currentColours: (ids: number[], ex: Kysely<DB> = db) =>
      ex
        .selectFrom('projects')
        .leftJoin('project_lights as l', 'l.project_id', 'projects.id')
        .select(['projects.id', 'projects.lead_unit_id', 'l.colour'])
        .where('projects.id', 'in', ids)
        .execute(),

    /** Stores the current lights, replacing those before. */
    putCurrent: (ex: Kysely<DB>, rows: (LightRow & { exempted_json: string })[]) =>
      ex
        .insertInto('project_lights')
        .values(rows)
        .onConflict((oc) =>
          oc.column('project_id').doUpdateSet((eb) => ({
            colour: eb.ref('excluded.colour'),
            findings_json: eb.ref('excluded.findings_json'),
            exempted_json: eb.ref('excluded.exempted_json'),
            rule_set_version: eb.ref('excluded.rule_set_version'),
            year: eb.ref('excluded.year'),
            month: eb.ref('excluded.month'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute(),

    monthLights: (year: number, month: number, ids: number[], ex: Kysely<DB> = db) =>
      ex
        .selectFrom('project_light_months')
        .select(['project_id', 'colour', 'findings_json', 'rule_set_version'])
        .where('year', '=', year)
        .where('month', '=', month)
        .where('project_id', 'in', ids)
        .execute(),

    /** Stores the month's latest lights and a history row for each (the caller passes only those that changed). */
    async putMonth(ex: Kysely<DB>, rows: LightRow[]) {
      await ex
        .insertInto('project_light_months')
        .values(
          rows.map((r) => ({
            project_id: r.project_id,
            year: r.year,
            month: r.month,
            colour: r.colour,
            findings_json: r.findings_json,
            rule_set_version: r.rule_set_version,
            computed_at: r.computed_at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['project_id', 'year', 'month']).doUpdateSet((eb) => ({
            colour: eb.ref('excluded.colour'),
            findings_json: eb.ref('excluded.findings_json'),
            rule_set_version: eb.ref('excluded.rule_set_version'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
      await ex
        .insertInto('light_history')
        .values(
          rows.map((r) => ({
            project_id: r.project_id,
            year: r.year,
            month: r.month,
            colour: r.colour,
            findings_json: r.findings_json,
            rule_set_version: r.rule_set_version,
            at: r.computed_at,
          })),
        )
        .execute();
    },

    current: (projectId: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('project_lights').selectAll().where('project_id', '=', projectId).executeTakeFirst(),

    months: (projectId: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('project_light_months')
        .select(['year', 'month', 'colour', 'rule_set_version'])
        .where('project_id', '=', projectId)
        .orderBy('year')
        .orderBy('month')
        .execute(),

    exemptions: (projectId: number, ex: Kysely<DB> = db) =>
      ex.selectFrom('light_exemptions').selectAll().where('project_id', '=', projectId).orderBy('id', 'desc').execute(),

    async insertExemption(
      ex: Kysely<DB>,
      row: {
        project_id: number;
        dimension: string;
        reason: string;
        approver: string;
        until: string;
        created_at: string;
      },
    ) {
      const { id } = await ex.insertInto('light_exemptions').values(row).returning('id').executeTakeFirstOrThrow();
      return id;
    },

    /** Claims a run key; fails when another server (or call) claimed it first. */
    startRun: (key: string, at: string) => claimJobRun(db, key, at),
    finishRun: (key: string, at: string, result: string) => finishJobRun(db, key, at, result),
  };
}

export type LightRepository = ReturnType<typeof createLightRepository>;
