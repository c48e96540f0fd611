// The race tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

/** A unit's target for an indicator and year, in the indicator's base unit (元, count, percent). */
export interface TargetTable {
  unit_id: number;
  year: number;
  indicator: string;
  value: number;
  updated_by: string;
  updated_at: string;
}

/** A statistic Lantern cannot compute (财政收入, 税收…), year to date through a month, with its source. */
export interface IndicatorValueTable {
  unit_id: number;
  indicator: string;
  year: number;
  month: number;
  value: number;
  source: string;
  updated_by: string;
  updated_at: string;
}

export interface RaceTable {
  id: Generated<number>;
  name: string;
  /** The definition as src/domain/race/race-definition.ts parses it. */
  definition_json: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The tables this feature adds to the database. */
export interface RaceTables {
  targets: TargetTable;
  indicator_values: IndicatorValueTable;
  races: RaceTable;
}
