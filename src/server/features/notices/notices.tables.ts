// The notices table as Kysely sees it; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface NoticeTable {
  id: Generated<number>;
  user_id: number;
  /** What happened: one of src/domain/notices/notice-kinds.ts. */
  kind: string;
  /** The facts of it, as the kind's schema in src/contract/notices.ts describes. */
  params_json: string;
  created_by: string;
  created_at: string;
  read_at: string | null;
}

/** The tables this feature adds to the database. */
export interface NoticeTables {
  notices: NoticeTable;
}
