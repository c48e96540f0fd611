import type { Generated } from 'kysely';

/** The immutable history tables of migration 0012, as Kysely sees them (see features/history). */
/** The race-relevant facts of a project from `valid_from` on (written by triggers, see migration 0012). */
export interface ProjectVersionTable {
  id: Generated<number>;
  project_id: number;
  valid_from: string;
  lead_unit_id: number;
  unit_path: string;
  stage: string;
  total_investment: number;
  planned_start_date: string | null;
  actual_start_date: string | null;
}

/** A project's annual plan of a year from `valid_from` on; amount null once removed. */
export interface PlanVersionTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  amount: number | null;
  valid_from: string;
}

/** A unit's target from `valid_from` on; value null once removed. */
export interface TargetVersionTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  indicator: string;
  value: number | null;
  valid_from: string;
}

/** An entered statistic from `valid_from` on; value null once removed. */
export interface IndicatorValueVersionTable {
  id: Generated<number>;
  unit_id: number;
  indicator: string;
  year: number;
  month: number;
  value: number | null;
  valid_from: string;
}

/** A race's definition from `valid_from` on. */
export interface RaceVersionTable {
  id: Generated<number>;
  race_id: number;
  definition_json: string;
  valid_from: string;
}

/** A project's light for an assessed month as it changed: the row with the latest `at` ≤ T is the light as of T. */
export interface LightHistoryTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  month: number;
  colour: string;
  findings_json: string;
  rule_set_version: number;
  at: string;
}
