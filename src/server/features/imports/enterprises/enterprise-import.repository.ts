import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { EnterpriseTable } from '../../enterprises/enterprises.tables.ts';

/**
 * The queries an enterprise import needs to match its rows: registered enterprises by credit code and
 * by name key, county-wide (codes are unique in the county; the checker decides what the person may
 * change). Every query takes the executor of the dry run or of the commit's transaction; on
 * PostgreSQL a commit locks the enterprises it reads.
 */
const STORED_COLUMNS = [
  'id',
  'name',
  'name_key',
  'credit_code',
  'industry_code',
  'scale',
  'township_unit_id',
  'unit_path',
  'address',
  'contacts_json',
  'flags',
  'updated_at',
] as const;

/** A registered enterprise as an import compares and changes it. */
export type StoredEnterprise = Pick<EnterpriseTable, Exclude<(typeof STORED_COLUMNS)[number], 'id'>> & { id: number };

export function createEnterpriseImportRepository() {
  return {
    byCreditCodes: (ex: Kysely<DB>, codes: string[], lock = false): Promise<StoredEnterprise[]> =>
      codes.length
        ? ex
            .selectFrom('enterprises')
            .select(STORED_COLUMNS)
            .where('credit_code', 'in', codes)
            .$if(lock, (q) => q.forUpdate())
            .execute()
        : Promise.resolve([]),

    byNameKeys: (ex: Kysely<DB>, keys: string[], lock = false): Promise<StoredEnterprise[]> =>
      keys.length
        ? ex
            .selectFrom('enterprises')
            .select(STORED_COLUMNS)
            .where('name_key', 'in', keys)
            .$if(lock, (q) => q.forUpdate())
            .execute()
        : Promise.resolve([]),
  };
}

export type EnterpriseImportRepository = ReturnType<typeof createEnterpriseImportRepository>;
