import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';

/** Typed queries over the unit tree; decisions live in the service. */
/**
 * The tables that keep a copy of a unit's path to scope their reads (a project, an import, an audit
 * event is read by the unit it belongs to and those above). A move rewrites them with the unit, so the
 * new township sees what moved to it and the old one no longer does. The history tables
 * (project_versions) are not copies but the record of where a project was when: they stay as they were,
 * and the move itself is a new version. test/unit-moves.test.ts fails on a table with a unit_path
 * column that is in neither list.
 */
export const UNIT_PATH_COPIES = [
  'projects',
  'imports',
  'audit_events',
  'enterprises',
  'tickets',
  'deals',
  'deal_teams',
  'deal_targets',
] as const;
export const UNIT_PATH_HISTORY = ['project_versions'] as const;

export function createUnitRepository(db: Kysely<DB>) {
  const withCounts = (q: Kysely<DB>) =>
    q
      .selectFrom('units as u')
      .selectAll('u')
      .select((eb) => [
        eb
          .selectFrom('units as c')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('c.parent_id', '=', 'u.id')
          .as('child_count'),
        eb
          .selectFrom('users as m')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('m.unit_id', '=', 'u.id')
          .as('user_count'),
      ]);

  return {
    /** Every unit, parents before children, siblings by sort order then id. */
    listAll: (ex: Kysely<DB> = db) =>
      withCounts(ex).orderBy('u.depth').orderBy('u.sort_order').orderBy('u.id').execute(),

    findById: (id: number, ex: Kysely<DB> = db) => withCounts(ex).where('u.id', '=', id).executeTakeFirst(),

    findRoot: (ex: Kysely<DB> = db) =>
      ex.selectFrom('units').selectAll().where('parent_id', 'is', null).executeTakeFirst(),

    findSiblingByName: (parentId: number | null, name: string, ex: Kysely<DB> = db) =>
      ex
        .selectFrom('units')
        .select(['id'])
        .where((eb) => (parentId === null ? eb('parent_id', 'is', null) : eb('parent_id', '=', parentId)))
        .where('name', '=', name)
        .executeTakeFirst(),

    /** Inserts a unit and sets its path from the id the database gave it. */
    async insert(
      ex: Kysely<DB>,
      row: {
        parent_id: number | null;
        parentPath: string | null;
        name: string;
        kind: string;
        region_code: string | null;
        sort_order: number;
        at: string;
      },
    ) {
      const { id } = await ex
        .insertInto('units')
        .values({
          parent_id: row.parent_id,
          name: row.name,
          kind: row.kind,
          region_code: row.region_code,
          path: '/pending/',
          depth: 0,
          sort_order: row.sort_order,
          created_at: row.at,
          updated_at: row.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${row.parentPath ?? '/'}${id}/`;
      await ex
        .updateTable('units')
        .set({ path, depth: path.split('/').filter(Boolean).length - 1 })
        .where('id', '=', id)
        .execute();
      return { id, path };
    },

    update: (
      ex: Kysely<DB>,
      id: number,
      patch: Partial<Pick<DB['units'], 'name' | 'kind' | 'parent_id' | 'sort_order' | 'updated_at'>>,
    ) => ex.updateTable('units').set(patch).where('id', '=', id).execute(),

    /**
     * Moves a whole subtree: every path under `oldPrefix` gets `newPrefix` instead, depths shift alike,
     * and every stored copy of a unit path (UNIT_PATH_COPIES) follows, in the caller's transaction.
     */
    async rebaseSubtree(ex: Kysely<DB>, oldPrefix: string, newPrefix: string, depthDelta: number) {
      const [lo, hi] = subtreeRange(oldPrefix);
      const moved = sql<string>`${newPrefix} || substr(path, ${oldPrefix.length + 1})`;
      await ex
        .updateTable('units')
        .set({ path: moved, depth: sql<number>`depth + ${depthDelta}` })
        .where('path', '>=', lo)
        .where('path', '<', hi)
        .execute();
      for (const table of UNIT_PATH_COPIES)
        await ex
          .updateTable(table)
          .set({ unit_path: sql<string>`${newPrefix} || substr(unit_path, ${oldPrefix.length + 1})` })
          .where('unit_path', '>=', lo)
          .where('unit_path', '<', hi)
          .execute();
    },

    /** Projects led by or located in the unit: a unit with projects cannot be deleted. */
    countProjects: async (id: number, ex: Kysely<DB> = db) =>
      Number(
        (
          await ex
            .selectFrom('projects')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where((eb) => eb.or([eb('lead_unit_id', '=', id), eb('township_unit_id', '=', id)]))
            .executeTakeFirstOrThrow()
        ).n,
      ),

    delete: (ex: Kysely<DB>, id: number) => ex.deleteFrom('units').where('id', '=', id).execute(),

    count: async (ex: Kysely<DB> = db) =>
      Number(
        (
          await ex
            .selectFrom('units')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}

export type UnitRepository = ReturnType<typeof createUnitRepository>;
export type UnitWithCounts = NonNullable<Awaited<ReturnType<UnitRepository['findById']>>>;
