// The targets, horse-race (赛马) and bulletin (晾晒通报) endpoints of docs/API.md: types and one function each.
// Values are in the indicator's base unit: integer 元 for '元', a count for '个', a percentage number for '%'.
import { query, request, type Id } from './api';
import type { LocalisedText } from '../../src/domain/lights/types';
import type { IndicatorKey, IndicatorUnit } from '../../src/domain/race/indicators';
import type { PeerGroup } from '../../src/domain/race/race-definition';
import type { MethodKey } from '../../src/domain/race/methods/index';
import type { ScoreNote } from '../../src/domain/race/types';
import type { PublishedView } from './api-numbers';

export type { IndicatorKey, IndicatorUnit, LocalisedText, MethodKey, PeerGroup, ScoreNote };

/** The period kinds a race may use through the API. */
export type RacePeriodKind = 'month' | 'quarter' | 'year';

export interface IndicatorInfo {
  key: IndicatorKey;
  label: LocalisedText;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  source: 'computed' | 'manual';
  /** False while the data behind it does not exist yet (signed deals, tickets). */
  available: boolean;
}

/** A unit that can be ranked (township, street, department, platform) and that the reader may see. */
export interface RankableUnit {
  unitId: number;
  unitName: string;
  kind: string;
}

export interface TargetItem {
  unitId: number;
  indicator: IndicatorKey;
  value: number;
  updatedBy: string;
  updatedAt: string;
}

export interface Targets {
  year: number;
  units: RankableUnit[];
  items: TargetItem[];
  canEdit: boolean;
}

/** One changed cell; null removes the target. */
export interface TargetInput {
  unitId: number;
  indicator: IndicatorKey;
  value: number | null;
}

export interface IndicatorValueItem {
  unitId: number;
  value: number;
  source: string;
  updatedBy: string;
  updatedAt: string;
}

/** A manual indicator's year-to-date figures through one month. */
export interface IndicatorValues {
  indicator: IndicatorKey;
  year: number;
  month: number;
  units: RankableUnit[];
  items: IndicatorValueItem[];
  canEdit: boolean;
}

export interface IndicatorValueInput {
  unitId: number;
  value: number | null;
  source: string;
}

export interface RaceWarning {
  code: string;
  sum: number;
  message: string;
}

export interface RaceSummary {
  id: number;
  name: string;
  periodKind: RacePeriodKind;
  indicatorCount: number;
  warnings: RaceWarning[];
  updatedAt: string;
}

/** Params per method, as the API takes them (tier minimums in 元). */
export interface MethodParamsInput {
  ratioToTarget: { cap: number };
  efficacyCoefficient: Record<string, never>;
  rankPoints: { points: number[]; rest: 'zero' | 'last' };
  tieredCount: { tiers: { min: number; points: number }[] };
  deduction: { perEvent: number; cap: number };
}

export type RaceIndicatorInput = {
  [M in MethodKey]: { key: IndicatorKey; weight: number; method: M; params: MethodParamsInput[M] };
}[MethodKey];

export interface RaceDefinitionInput {
  name: string;
  periodKind: RacePeriodKind;
  groups?: PeerGroup[];
  indicators: RaceIndicatorInput[];
  topN: number;
  bottomN: number;
}

export interface Race {
  id: number;
  definition: RaceDefinitionInput & { groups: PeerGroup[] };
  warnings: RaceWarning[];
  createdBy: string;
  updatedAt: string;
}

export interface RankingPeriod {
  kind: RacePeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
  /** In Chinese ("2026年10月"); `labels` has both languages. */
  label: string;
  labels?: LocalisedText;
  endMonth: number;
}

export interface RankingIndicator {
  key: IndicatorKey;
  label: LocalisedText | string;
  unit: IndicatorUnit;
  weight: number;
  method: MethodKey;
}

export interface BreakdownCell {
  indicator: IndicatorKey;
  value: number | null;
  target: number | null;
  /** null (never 0) when the unit could not be scored; the note says why. */
  score: number | null;
  note: ScoreNote | null;
}

export interface RankingRow {
  unitId: number;
  name: string;
  total: number;
  rank: number;
  /** Previous rank − current rank: positive moved up; null without a previous rank. */
  rankChange: number | null;
  breakdown: BreakdownCell[];
}

export interface RankingGroup {
  group: string;
  label: LocalisedText;
  rows: RankingRow[];
  /** 骏马 */
  top: RankingRow[];
  /** 蜗牛 */
  bottom: RankingRow[];
  /**
   * Too few units for both lists: the group names nobody (and says so). Absent from bulletins
   * published before the API carried it.
   */
  tooSmall?: boolean;
}

/** The tables a bulletin freezes: the ranking's period, indicators and groups. */
export interface RankingTables {
  period: RankingPeriod;
  indicators: RankingIndicator[];
  groups: RankingGroup[];
}

export interface RankHistory {
  periods: { index: number; label: string }[];
  units: { unitId: number; name: string; group: string; ranks: (number | null)[] }[];
}

export interface Ranking extends RankingTables {
  raceId: number;
  name: string;
  warnings: RaceWarning[];
  publishedBulletinId: number | null;
  history: RankHistory;
  /** The instant the figures are as of; null when live. */
  asOf: string | null;
  /** A published period: the bulletin's frozen ranking and what changed since. */
  published: PublishedView | null;
}

export interface BulletinDraft {
  title: string;
  docNumber: string;
  issuer: string;
  commentary: string;
}

export interface BulletinInput {
  raceId: number;
  year: number;
  period: number;
  title: string;
  docNumber: string;
  commentary: string;
  /** Publish although the check before publishing found problems (see api-bulletins). */
  acknowledged?: boolean;
}

export interface BulletinSummary {
  id: number;
  raceId: number;
  raceName: string;
  title: string;
  docNumber: string;
  periodLabel: string;
  year: number;
  periodKind: RacePeriodKind;
  periodIndex: number;
  publishedBy: string;
  publishedAt: string;
  /** False once a correction (更正通报) superseded it. */
  isCurrent: boolean;
  /** On a correction: what it corrects and why. */
  corrects: { id: number; title: string; docNumber: string; reason: string } | null;
  /** On a superseded bulletin: the correction, its reason and when it was issued. */
  supersededBy: { id: number; title: string; docNumber: string; reason: string; at: string } | null;
}

/** Returned with a saved target or statistic: the published bulletins the change does not reach. */
export interface BulletinsUnchangedWarning {
  code: 'BULLETINS_UNCHANGED';
  bulletins: { id: number; title: string; docNumber: string }[];
  message: string;
}

export interface RedProject {
  projectId: number;
  name: string;
  unitName: string;
  reasons: string[];
}

/** A published file's SHA-256 (hex) and size: every download of the bulletin gives exactly these bytes. */
export interface BulletinFileDigest {
  sha256: string;
  bytes: number;
}

export interface Bulletin extends BulletinSummary {
  issuer: string;
  commentary: string;
  ranking: RankingTables;
  redProjects: RedProject[];
  /**
   * From GET /bulletins/:id (not in the publish response); pdf is null while the server has no CJK font;
   * xlsx (the tables and the records appendix) absent from an older server.
   */
  files?: { docx: BulletinFileDigest; pdf: BulletinFileDigest | null; xlsx?: BulletinFileDigest };
}

/** What GET /dashboard adds for the race: the latest ranking's 骏马 and 蜗牛, and the latest bulletin. */
export interface DashboardRaceUnit {
  unitId: number;
  name: string;
  total: number;
  rank: number;
}

export interface DashboardRace {
  raceId: number;
  name: string;
  period: { label: string };
  groups: {
    label: LocalisedText | string;
    top: DashboardRaceUnit[];
    bottom: DashboardRaceUnit[];
    tooSmall?: boolean;
  }[];
}

export interface DashboardBulletin {
  id: number;
  title: string;
  docNumber: string;
  publishedAt: string;
}

export interface DashboardRaceParts {
  race?: DashboardRace | null;
  latestBulletin?: DashboardBulletin | null;
}

const racePath = (id: Id) => `/races/${encodeURIComponent(String(id))}`;
const bulletinPath = (id: Id) => `/bulletins/${encodeURIComponent(String(id))}`;

/** Where the browser downloads a bulletin's file (the session cookie goes along with a plain link). */
export const bulletinFileUrl = (id: Id, format: 'docx' | 'pdf' | 'xlsx') => `/api/v1${bulletinPath(id)}/${format}`;

export const raceApi = {
  indicators: () => request<{ items: IndicatorInfo[] }>('GET', '/indicators'),

  targets: (year: number) => request<Targets>('GET', `/targets${query({ year })}`),
  saveTargets: (body: { year: number; items: TargetInput[] }) =>
    request<Targets & { warnings: BulletinsUnchangedWarning[] }>('PUT', '/targets', body),

  indicatorValues: (params: { indicator: IndicatorKey; year: number; month: number }) =>
    request<IndicatorValues>('GET', `/indicator-values${query(params)}`),
  saveIndicatorValues: (body: { indicator: IndicatorKey; year: number; month: number; items: IndicatorValueInput[] }) =>
    request<IndicatorValues & { warnings: BulletinsUnchangedWarning[] }>('PUT', '/indicator-values', body),

  races: () => request<{ items: RaceSummary[] }>('GET', '/races'),
  race: (id: Id) => request<Race>('GET', racePath(id)),
  createRace: (body: RaceDefinitionInput) => request<Race>('POST', '/races', body),
  updateRace: (id: Id, body: RaceDefinitionInput) => request<Race>('PUT', racePath(id), body),
  deleteRace: (id: Id) => request<void>('DELETE', racePath(id)),
  ranking: (id: Id, params: { year: number; period: number; asOf?: string | null }) =>
    request<Ranking>('GET', `${racePath(id)}/ranking${query(params)}`),
  bulletinDraft: (id: Id, params: { year: number; period: number }) =>
    request<BulletinDraft>('GET', `${racePath(id)}/bulletin-draft${query(params)}`),

  publish: (body: BulletinInput) => request<Bulletin>('POST', '/bulletins', body),
  bulletins: (params: { raceId?: Id } = {}) =>
    request<{ items: BulletinSummary[] }>('GET', `/bulletins${query(params)}`),
  bulletin: (id: Id) => request<Bulletin>('GET', bulletinPath(id)),
};
