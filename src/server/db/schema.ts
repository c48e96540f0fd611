import type {
  IndicatorValueVersionTable,
  LightHistoryTable,
  PlanVersionTable,
  ProjectVersionTable,
  RaceVersionTable,
  TargetVersionTable,
} from './schema-history.ts';
import type { UnitTables, UnitTable } from '../features/units/units.tables.ts';
import type { UserTables, UserTable } from '../features/users/users.tables.ts';
import type { SessionTables, SessionTable, LoginFailureTable } from '../features/session/session.tables.ts';
import type { TokenTables, ApiTokenTable } from '../features/tokens/tokens.tables.ts';
import type { AuditTables, AuditEventTable } from '../features/audit/audit.tables.ts';
import type { SettingTables, SettingTable } from '../features/settings/settings.tables.ts';
import type {
  ProjectTables,
  ProjectTable,
  ProjectTagTable,
  ProjectAnnualPlanTable,
  ProjectStageChangeTable,
} from '../features/projects/projects.tables.ts';
import type { ReportTables, MonthlyReportTable, ReportMonthLockTable } from '../features/reports/reports.tables.ts';
import type {
  LightTables,
  LightRuleSetTable,
  ProjectLightTable,
  ProjectLightMonthTable,
  LightExemptionTable,
} from '../features/lights/lights.tables.ts';
import type { ReportPhotoTables, ReportPhotoTable } from '../features/report-photos/report-photos.tables.ts';
import type { StatTables, UnitStatTable } from '../features/stats/stats.tables.ts';
import type { RaceTables, TargetTable, IndicatorValueTable, RaceTable } from '../features/race/race.tables.ts';
import type { BulletinTables, BulletinTable } from '../features/bulletins/bulletins.tables.ts';
import type {
  ImportTables,
  ImportTable,
  ImportFileTable,
  ImportErrorTable,
  ImportMappingTable,
} from '../features/imports/imports.tables.ts';
import type { NoticeTables, NoticeTable } from '../features/notices/notices.tables.ts';
import type { EnterpriseTables, EnterpriseTable, LicenceTable } from '../features/enterprises/enterprises.tables.ts';
import type { TicketTables, TicketTable, TicketEventTable } from '../features/tickets/tickets.tables.ts';
import type { ReminderTables } from '../features/reminders/reminders.tables.ts';
import type { DealTables } from '../features/deals/deals.tables.ts';

export type {
  UnitTable,
  UserTable,
  SessionTable,
  LoginFailureTable,
  ApiTokenTable,
  AuditEventTable,
  SettingTable,
  ProjectTable,
  ProjectTagTable,
  ProjectAnnualPlanTable,
  ProjectStageChangeTable,
  MonthlyReportTable,
  ReportMonthLockTable,
  LightRuleSetTable,
  ProjectLightTable,
  ProjectLightMonthTable,
  LightExemptionTable,
  ReportPhotoTable,
  UnitStatTable,
  TargetTable,
  IndicatorValueTable,
  RaceTable,
  BulletinTable,
  ImportTable,
  ImportFileTable,
  ImportErrorTable,
  ImportMappingTable,
  NoticeTable,
  EnterpriseTable,
  LicenceTable,
  TicketTable,
  TicketEventTable,
};
export type {
  IndicatorValueVersionTable,
  LightHistoryTable,
  PlanVersionTable,
  ProjectVersionTable,
  RaceVersionTable,
  TargetVersionTable,
};

/**
 * Every table: the platform's own, each feature's (declared in its folder as `<feature>.tables.ts`), and the
 * history tables. Timestamps are ISO-8601 UTC strings in both dialects so that they sort as text and read the
 * same from SQLite and PostgreSQL; booleans are 0/1 integers.
 */
export interface DB
  extends
    UnitTables,
    UserTables,
    SessionTables,
    TokenTables,
    AuditTables,
    SettingTables,
    ProjectTables,
    ReportTables,
    LightTables,
    ReportPhotoTables,
    StatTables,
    RaceTables,
    BulletinTables,
    ImportTables,
    NoticeTables,
    EnterpriseTables,
    TicketTables,
    ReminderTables,
    DealTables {
  job_runs: JobRunTable;
  project_versions: ProjectVersionTable;
  plan_versions: PlanVersionTable;
  target_versions: TargetVersionTable;
  indicator_value_versions: IndicatorValueVersionTable;
  race_versions: RaceVersionTable;
  light_history: LightHistoryTable;
}

export interface JobRunTable {
  run_key: string;
  started_at: string;
  finished_at: string | null;
  result: string | null;
}
