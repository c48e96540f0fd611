import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { createImportRecords } from './records/import-records.repository.ts';
import { createLedgerWrites } from './projects/ledger-writes.repository.ts';

/**
 * Queries of the import feature: its records, files, errors and saved mappings
 * (`records/import-records.repository.ts`) and the writes of a ledger's rows
 * (`projects/ledger-writes.repository.ts`); every batch write takes the caller's transaction.
 */
export function createImportRepository(db: Kysely<DB>, sqlite: SQLite.Database | null = null) {
  return { ...createImportRecords(db), ...createLedgerWrites(db, sqlite) };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;
