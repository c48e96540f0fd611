import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { subtreeRange } from '../../db/fragments.ts';

/** A person's unread notices are few: the page shows the newest, the count says how many more. */
const SHOWN = 50;

/** The only queries of notices, and the people a notice goes to. */
export function createNoticeRepository(db: Kysely<DB>) {
  const editors = (ex: Kysely<DB>) =>
    ex
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .select('users.id')
      .where('users.role', '=', 'unit_editor')
      .where('users.is_active', '=', 1);

  return {
    /** Active editors of a unit or of any unit below it (a township's and its villages' reporters). */
    async editorsWithin(unitPath: string, ex: Kysely<DB> = db): Promise<number[]> {
      const [lo, hi] = subtreeRange(unitPath);
      const rows = await editors(ex).where('units.path', '>=', lo).where('units.path', '<', hi).execute();
      return rows.map((r) => Number(r.id));
    },

    /** Active editors who file a project of this unit: those of the unit itself or of a unit above it. */
    async editorsCovering(unitPath: string, ex: Kysely<DB> = db): Promise<number[]> {
      const rows = await editors(ex)
        .where(sql<boolean>`substr(${unitPath}, 1, length(units.path)) = units.path`)
        .execute();
      return rows.map((r) => Number(r.id));
    },

    async insert(
      ex: Kysely<DB>,
      rows: { user_id: number; kind: string; params_json: string; created_by: string; created_at: string }[],
    ) {
      // A unit has a handful of editors: one statement.
      if (rows.length) await ex.insertInto('notices').values(rows).execute();
    },

    async unreadOf(userId: number) {
      const [items, count] = await Promise.all([
        db
          .selectFrom('notices')
          .selectAll()
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .orderBy('id', 'desc')
          .limit(SHOWN)
          .execute(),
        db
          .selectFrom('notices')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('user_id', '=', userId)
          .where('read_at', 'is', null)
          .executeTakeFirstOrThrow(),
      ]);
      return { items, unread: Number(count.n) };
    },

    /** Marks one of the person's notices read; false when it is not theirs. */
    async markRead(userId: number, id: number, at: string): Promise<boolean> {
      const result = await db
        .updateTable('notices')
        .set({ read_at: at })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) return true;
      // Read already (a second tab): still theirs.
      return !!(await db
        .selectFrom('notices')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst());
    },

    /** Marks all the person's notices read. */
    async markAllRead(userId: number, at: string) {
      await db
        .updateTable('notices')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .execute();
    },
  };
}

export type NoticeRepository = ReturnType<typeof createNoticeRepository>;
