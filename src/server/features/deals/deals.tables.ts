// The 招商 tables as Kysely sees them; src/server/db/schema.ts joins every feature's tables into DB.
import type { Generated } from 'kysely';

export interface DealTeamTable {
  id: Generated<number>;
  name: string;
  unit_id: number;
  /** The team's unit's path, kept in step with the unit tree (UNIT_PATH_COPIES). */
  unit_path: string;
  leader_name: string | null;
  created_at: string;
  updated_at: string;
}

export interface DealTeamMemberTable {
  team_id: number;
  user_id: number;
}

/** A target enterprise (头部企业、独角兽) of a chain and link, and how far approaching it has gone. */
export interface DealTargetTable {
  id: Generated<number>;
  chain_key: string;
  link_key: string | null;
  name: string;
  credit_code: string | null;
  category: string;
  hq_region: string | null;
  status: string;
  note: string | null;
  unit_id: number;
  unit_path: string;
  created_at: string;
  updated_at: string;
}

export interface DealTable {
  id: Generated<number>;
  name: string;
  investor_name: string | null;
  investor_credit_code: string | null;
  investor_listing: string;
  investor_hq_region: string | null;
  source_region: string;
  chain_key: string | null;
  link_key: string | null;
  kind: string;
  /** 元. */
  intended_investment: number;
  unit_id: number;
  unit_path: string;
  team_id: number | null;
  patron_leader: string | null;
  target_id: number | null;
  township_unit_id: number | null;
  longitude: number | null;
  latitude: number | null;
  stage: string;
  stage_entered_on: string;
  shelved_from: string | null;
  exit_reason: string | null;
  signed_on: string | null;
  /** 元. */
  signed_amount: number | null;
  landed_on: string | null;
  terminated_on: string | null;
  project_id: number | null;
  first_activity_on: string | null;
  last_activity_on: string | null;
  next_due_on: string | null;
  light: string;
  /** 元: the sum of the deal's funds records. */
  funds_in_place: number;
  created_on: string;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface DealEventTable {
  id: Generated<number>;
  deal_id: number;
  step: string;
  from_stage: string | null;
  to_stage: string | null;
  on_date: string;
  actor_id: number | null;
  actor_name: string;
  at: string;
  text: string;
  data_json: string;
}

export interface DealActivityTable {
  id: Generated<number>;
  deal_id: number;
  team_id: number | null;
  on_date: string;
  kind: string;
  attendees: string;
  summary: string;
  created_by: number | null;
  actor_name: string;
  created_at: string;
}

export interface DealFundTable {
  id: Generated<number>;
  deal_id: number;
  on_date: string;
  /** 元. */
  amount: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** The tables this feature adds to the database. */
export interface DealTables {
  deal_teams: DealTeamTable;
  deal_team_members: DealTeamMemberTable;
  deal_targets: DealTargetTable;
  deals: DealTable;
  deal_events: DealEventTable;
  deal_activities: DealActivityTable;
  deal_funds: DealFundTable;
}
