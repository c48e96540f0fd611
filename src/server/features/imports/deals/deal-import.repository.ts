import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DealTable } from '../../deals/deals.tables.ts';

/**
 * The queries a deal import needs to match its rows and name their teams: the deals led by the units a
 * batch names (a row updates the deal of its lead unit with the same project name and investor), and the
 * county's teams. Every query takes the executor of the dry run or of the commit's transaction; on
 * PostgreSQL a commit locks the deals it reads.
 */
const STORED_COLUMNS = [
  'id',
  'name',
  'investor_name',
  'investor_credit_code',
  'investor_listing',
  'investor_hq_region',
  'source_region',
  'chain_key',
  'link_key',
  'kind',
  'intended_investment',
  'unit_id',
  'unit_path',
  'team_id',
  'patron_leader',
  'stage',
  'stage_entered_on',
  'created_on',
  'first_activity_on',
  'last_activity_on',
  'signed_on',
  'signed_amount',
  'exit_reason',
  'version',
] as const;

/** A deal as an import compares and changes it (amounts in 元; PostgreSQL hands bigint over as text). */
export type StoredDeal = Pick<DealTable, Exclude<(typeof STORED_COLUMNS)[number], 'id' | 'version'>> & {
  id: number;
  version: number;
};

export function createDealImportRepository() {
  return {
    /** The deals led by the given units. */
    ledBy: (ex: Kysely<DB>, unitIds: readonly number[], lock = false): Promise<StoredDeal[]> =>
      unitIds.length
        ? ex
            .selectFrom('deals')
            .select(STORED_COLUMNS)
            .where('unit_id', 'in', [...unitIds])
            .orderBy('id')
            .$if(lock, (q) => q.forUpdate())
            .execute()
        : Promise.resolve([]),

    /** The teams (招商小分队), whose names are unique. */
    teams: (ex: Kysely<DB>) => ex.selectFrom('deal_teams').select(['id', 'name']).execute(),
  };
}

export type DealImportRepository = ReturnType<typeof createDealImportRepository>;
