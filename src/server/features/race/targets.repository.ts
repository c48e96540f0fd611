import type { Kysely } from 'kysely';
import type { UnitKind } from '../../../domain/units/unit-tree.ts';
import type { DB } from '../../db/schema.ts';

type TargetKey = { unitId: number; year: number; indicator: string };
type ValueKey = { unitId: number; indicator: string; year: number; month: number };

/** Typed queries over targets and entered statistics; what may be set is decided in the service. */
export function createTargetRepository(db: Kysely<DB>) {
  return {
    /** The units of the given kinds, in the tree's order. */
    unitsOfKinds: (kinds: readonly UnitKind[], ex: Kysely<DB> = db) =>
      ex
        .selectFrom('units')
        .select(['id', 'name', 'kind', 'path'])
        .where('kind', 'in', [...kinds])
        .orderBy('sort_order')
        .orderBy('id')
        .execute(),

    /** The bulletins in force of a year, with their frozen snapshots, in period order. */
    currentBulletinsOfYear: (year: number, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('bulletins')
        .select(['id', 'title', 'doc_number', 'snapshot_json'])
        .where('year', '=', year)
        .where('superseded_at', 'is', null)
        .orderBy('period_index')
        .orderBy('id')
        .execute(),

    targets: (year: number, unitIds: number[], ex: Kysely<DB> = db) =>
      ex.selectFrom('targets').selectAll().where('year', '=', year).where('unit_id', 'in', unitIds).execute(),

    findTarget: (k: TargetKey, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('targets')
        .select('value')
        .where('unit_id', '=', k.unitId)
        .where('year', '=', k.year)
        .where('indicator', '=', k.indicator)
        .executeTakeFirst(),

    deleteTarget: (ex: Kysely<DB>, k: TargetKey) =>
      ex
        .deleteFrom('targets')
        .where('unit_id', '=', k.unitId)
        .where('year', '=', k.year)
        .where('indicator', '=', k.indicator)
        .execute(),

    putTarget: (ex: Kysely<DB>, k: TargetKey, value: number, by: string, at: string) =>
      ex
        .insertInto('targets')
        .values({ unit_id: k.unitId, year: k.year, indicator: k.indicator, value, updated_by: by, updated_at: at })
        .onConflict((oc) =>
          oc.columns(['unit_id', 'year', 'indicator']).doUpdateSet({ value, updated_by: by, updated_at: at }),
        )
        .execute(),

    values: (indicator: string, year: number, month: number, unitIds: number[], ex: Kysely<DB> = db) =>
      ex
        .selectFrom('indicator_values')
        .selectAll()
        .where('indicator', '=', indicator)
        .where('year', '=', year)
        .where('month', '=', month)
        .where('unit_id', 'in', unitIds)
        .execute(),

    findValue: (k: ValueKey, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('indicator_values')
        .select(['value', 'source'])
        .where('unit_id', '=', k.unitId)
        .where('indicator', '=', k.indicator)
        .where('year', '=', k.year)
        .where('month', '=', k.month)
        .executeTakeFirst(),

    deleteValue: (ex: Kysely<DB>, k: ValueKey) =>
      ex
        .deleteFrom('indicator_values')
        .where('unit_id', '=', k.unitId)
        .where('indicator', '=', k.indicator)
        .where('year', '=', k.year)
        .where('month', '=', k.month)
        .execute(),

    putValue: (ex: Kysely<DB>, k: ValueKey, value: number, source: string, by: string, at: string) =>
      ex
        .insertInto('indicator_values')
        .values({
          unit_id: k.unitId,
          indicator: k.indicator,
          year: k.year,
          month: k.month,
          value,
          source,
          updated_by: by,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['indicator', 'year', 'month', 'unit_id'])
            .doUpdateSet({ value, source, updated_by: by, updated_at: at }),
        )
        .execute(),
  };
}

export type TargetRepository = ReturnType<typeof createTargetRepository>;
