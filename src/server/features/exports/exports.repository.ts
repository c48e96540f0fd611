import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/**
 * The few facts a ledger shows that the list's summaries do not carry. The projects are always
 * found first by the scoped list query; these lookups only read the ids it returned.
 */
export function createExportRepository(db: Kysely<DB>) {
  return {
    /** 建设性质 and the year's annual plan of the given projects (at most one batch, ≤ 1,000 ids). */
    ledgerFacts: (ids: number[], year: number) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('projects')
            .leftJoin('project_annual_plans as plan', (join) =>
              join.onRef('plan.project_id', '=', 'projects.id').on('plan.year', '=', year),
            )
            .select(['projects.id', 'projects.nature', 'plan.amount as plan_amount'])
            .where('projects.id', 'in', ids)
            .execute(),

    /** Whether any project is led by the unit itself, not by a unit below it (by its path, which is indexed). */
    async hasOwnProjects(unitPath: string): Promise<boolean> {
      const row = await db
        .selectFrom('projects')
        .select('id')
        .where('unit_path', '=', unitPath)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
