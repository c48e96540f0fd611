// The enterprise registry's tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface EnterpriseTable {
  id: Generated<number>;
  name: string;
  /** The name as src/domain/enterprises/enterprise-match.ts compares names. */
  name_key: string;
  /** 统一社会信用代码, normalised; null when not known yet. */
  credit_code: string | null;
  /** GB/T 4754 division (two digits). */
  industry_code: string | null;
  /** 'above' 规上 or 'below' 规下. */
  scale: string;
  township_unit_id: number;
  /** The township's path, kept in step with the unit tree (UNIT_PATH_COPIES). */
  unit_path: string;
  address: string | null;
  /** [{ name, phone, role? }] */
  contacts_json: string;
  /** The flags as ',a,b,' (empty: none), like a project's tags. */
  flags: string;
  created_at: string;
  updated_at: string;
}

export interface LicenceTable {
  id: Generated<number>;
  enterprise_id: number;
  type: string;
  number: string;
  issuer: string | null;
  valid_from: string | null;
  valid_to: string;
  created_at: string;
  updated_at: string;
}

/** The tables this feature adds to the database. */
export interface EnterpriseTables {
  enterprises: EnterpriseTable;
  licences: LicenceTable;
}
