// The settings tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

/** The tables this feature adds to the database. */
export interface SettingTables {
  settings: SettingTable;
}
