// The imports tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

/** A ledger import (台账导入): its file, mapping, last counts and status (see features/imports). */
export interface ImportTable {
  id: Generated<number>;
  unit_id: number;
  unit_path: string;
  file_name: string;
  file_kind: string;
  file_bytes: number;
  status: string;
  sheet: string | null;
  header_json: string | null;
  mapping_json: string | null;
  counts_json: string | null;
  error_count: number;
  message: string | null;
  progress_json: string | null;
  created_by_id: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  committed_at: string | null;
  heartbeat_at: string | null;
  /** Which kind of ledger: 'projects', 'reports', 'enterprises' or 'deals' (column-sets.ts LEDGER_KINDS). */
  ledger: Generated<string>;
  /** The import's options as JSON ({ reportState }). */
  options_json: string | null;
}

/** The uploaded file of an import, in chunks of at most 1 MiB, until it is committed. */
export interface ImportFileTable {
  import_id: number;
  seq: number;
  data: Buffer;
}

/** The problems the last check of an import found, in row order. */
export interface ImportErrorTable {
  import_id: number;
  seq: number;
  row_number: number;
  cell: string;
  column_header: string;
  message: string;
  /** The message in English, where the check words one (migration 0023). */
  message_en: string | null;
}

/** A unit's saved column mapping, by header text (src/domain/exchange/mapping.ts SavedMapping). */
export interface ImportMappingTable {
  unit_id: number;
  ledger: string;
  mapping_json: string;
  updated_by: string;
  updated_at: string;
}

/** The tables this feature adds to the database. */
export interface ImportTables {
  imports: ImportTable;
  import_files: ImportFileTable;
  import_errors: ImportErrorTable;
  import_mappings: ImportMappingTable;
}
