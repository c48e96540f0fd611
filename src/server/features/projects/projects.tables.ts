// The projects tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface ProjectTable {
  id: Generated<number>;
  code: string | null;
  internal_no: string | null;
  name: string;
  /** Pinyin initials of the name, lowercase ("兰溪纺织" → "lxfz"), for search by initials. */
  name_initials: string;
  nature: string;
  kind: string;
  industry_code: string;
  industry_section: string;
  level: string | null;
  investment_type: string;
  approval_mode: string;
  lead_unit_id: number;
  unit_path: string;
  township_unit_id: number | null;
  owner_name: string | null;
  owner_credit_code: string | null;
  /** The owner as a registered enterprise (企业库), once matched by credit code or exact name. */
  enterprise_id: number | null;
  patron_leader: string | null;
  contact: string | null;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  /** Land area in hundredths of a 亩. */
  land_area_centimu: number | null;
  /** Integer 元. */
  total_investment: number;
  fixed_asset_investment: number | null;
  is_above_yi: number;
  stage: string;
  stage_changed_at: string;
  /** The tags joined as ",纺织,光膜," for display; filtering goes through project_tags. */
  tags: string;
  planned_sign_date: string | null;
  actual_sign_date: string | null;
  planned_start_date: string | null;
  actual_start_date: string | null;
  planned_completion_date: string | null;
  actual_completion_date: string | null;
  planned_production_date: string | null;
  actual_production_date: string | null;
  planned_capacity_date: string | null;
  actual_capacity_date: string | null;
  /** Derived from the planned dates, for the start and production lists. */
  planned_start_year: number | null;
  planned_production_year: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectTagTable {
  tag: string;
  project_id: number;
}

export interface ProjectAnnualPlanTable {
  project_id: number;
  year: number;
  amount: number;
  monthly_curve: string | null;
}

export interface ProjectStageChangeTable {
  id: Generated<number>;
  project_id: number;
  from_stage: string | null;
  to_stage: string;
  reason: string | null;
  actor_id: number | null;
  actor_name: string;
  at: string;
}

/** The tables this feature adds to the database. */
export interface ProjectTables {
  projects: ProjectTable;
  project_tags: ProjectTagTable;
  project_annual_plans: ProjectAnnualPlanTable;
  project_stage_changes: ProjectStageChangeTable;
}
