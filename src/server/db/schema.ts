import type { Generated } from 'kysely';
import type {
  IndicatorValueVersionTable,
  LightHistoryTable,
  PlanVersionTable,
  ProjectVersionTable,
  RaceVersionTable,
  TargetVersionTable,
} from './schema-history.ts';

export type {
  IndicatorValueVersionTable,
  LightHistoryTable,
  PlanVersionTable,
  ProjectVersionTable,
  RaceVersionTable,
  TargetVersionTable,
};

/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC strings in both dialects so that
 * they sort as text and read the same from SQLite and PostgreSQL; booleans are 0/1 integers.
 */
export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  kind: string;
  region_code: string | null;
  /** Materialised path of ids, e.g. "/1/4/": a subtree is `path LIKE '/1/4/%'`. */
  path: string;
  depth: number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: number;
  is_active: number;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: string;
  object_type: string;
  object_id: string;
  /** Path of the unit the object belongs to, so that audit reads can be scoped like the object. */
  unit_path: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  username: string;
  ip: string;
  at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DB {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_events: AuditEventTable;
  login_failures: LoginFailureTable;
  settings: SettingTable;
  projects: ProjectTable;
  project_tags: ProjectTagTable;
  project_annual_plans: ProjectAnnualPlanTable;
  project_stage_changes: ProjectStageChangeTable;
  monthly_reports: MonthlyReportTable;
  light_rule_sets: LightRuleSetTable;
  project_lights: ProjectLightTable;
  project_light_months: ProjectLightMonthTable;
  light_exemptions: LightExemptionTable;
  job_runs: JobRunTable;
  report_month_locks: ReportMonthLockTable;
  report_photos: ReportPhotoTable;
  unit_stats: UnitStatTable;
  targets: TargetTable;
  indicator_values: IndicatorValueTable;
  races: RaceTable;
  bulletins: BulletinTable;
  imports: ImportTable;
  import_files: ImportFileTable;
  import_errors: ImportErrorTable;
  import_mappings: ImportMappingTable;
  project_versions: ProjectVersionTable;
  plan_versions: PlanVersionTable;
  target_versions: TargetVersionTable;
  indicator_value_versions: IndicatorValueVersionTable;
  race_versions: RaceVersionTable;
  light_history: LightHistoryTable;
}

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

export interface MonthlyReportTable {
  id: Generated<number>;
  project_id: number;
  year: number;
  month: number;
  revision: number;
  is_current: number;
  /** Integer 元 completed in the month. */
  amount: number;
  progress_text: string;
  problems: string;
  state: string;
  is_late: number;
  correction_reason: string | null;
  return_reason: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

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

export interface JobRunTable {
  run_key: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}

export interface ReportMonthLockTable {
  year: number;
  month: number;
  locked_by: string;
  locked_at: string;
}

/**
 * Per-unit figures kept current as projects, plans, approved reports and lights change (see
 * src/domain/stats/contribution.ts): the dashboard, the four lists and the race read these rows
 * instead of scanning every project. Year and month are 0 where a figure has none.
 */
export interface UnitStatTable {
  unit_id: number;
  year: number;
  month: number;
  metric: string;
  value: number;
}

/** A site photo of one report revision, stored in the database (blob / bytea) with its thumbnail. */
export interface ReportPhotoTable {
  id: Generated<number>;
  report_id: number;
  /** The name the file had on the uploader's device, shown and used when downloading. */
  file_name: string;
  caption: string;
  /** JPEG, upright, without metadata, at most 2048 px on the long side. */
  photo: Buffer;
  width: number;
  height: number;
  bytes: number;
  /** JPEG, at most 320 px on the long side. */
  thumb: Buffer;
  thumb_width: number;
  thumb_height: number;
  thumb_bytes: number;
  created_by_id: number | null;
  created_by: string;
  created_at: string;
}

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

export interface BulletinTable {
  id: Generated<number>;
  race_id: number;
  year: number;
  period_kind: string;
  period_index: number;
  title: string;
  doc_number: string;
  issuer: string;
  commentary: string;
  snapshot_json: string;
  published_by: string;
  published_at: string;
  /** On a correction (更正通报): the bulletin it corrects, and why (migration 0013). */
  supersedes_id: number | null;
  correction_reason: string | null;
  /** On a corrected bulletin: the correction and when it was issued; null while the bulletin is current. */
  superseded_by_id: number | null;
  superseded_at: string | null;
}

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
  /** 'projects' or 'reports': which kind of ledger. */
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
}

/** A unit's saved column mapping, by header text (src/domain/exchange/mapping.ts SavedMapping). */
export interface ImportMappingTable {
  unit_id: number;
  ledger: string;
  mapping_json: string;
  updated_by: string;
  updated_at: string;
}
