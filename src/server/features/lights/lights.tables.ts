// The lights tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface LightRuleSetTable {
  version: number;
  rules_json: string;
  created_by: string;
  created_at: string;
}

export interface ProjectLightTable {
  project_id: number;
  colour: string;
  findings_json: string;
  exempted_json: string;
  rule_set_version: number;
  year: number;
  month: number;
  computed_at: string;
}

export interface ProjectLightMonthTable {
  project_id: number;
  year: number;
  month: number;
  colour: string;
  findings_json: string;
  rule_set_version: number;
  computed_at: string;
}

export interface LightExemptionTable {
  id: Generated<number>;
  project_id: number;
  dimension: string;
  reason: string;
  approver: string;
  until: string;
  created_at: string;
}

/** The tables this feature adds to the database. */
export interface LightTables {
  light_rule_sets: LightRuleSetTable;
  project_lights: ProjectLightTable;
  project_light_months: ProjectLightMonthTable;
  light_exemptions: LightExemptionTable;
}
