// The targets, horse-race (赛马) and bulletin (晾晒通报) endpoints (the operations in /api/docs; types from src/contract): types and one function each.
// Values are in the indicator's base unit: integer 元 for '元', a count for '个', a percentage number for '%'.
import type { z } from 'zod';
import { query, request, type Id } from './api';
import type { LocalisedText } from '../../src/domain/lights/types';
import type { IndicatorKey, IndicatorUnit } from '../../src/domain/race/indicators';
import type { PeerGroup } from '../../src/domain/race/race-definition';
import type { MethodKey } from '../../src/domain/race/methods/index';
import type { ScoreNote } from '../../src/domain/race/types';
import type {
  BreakdownCell,
  IndicatorInfo,
  RaceSummary,
  RaceView,
  RaceWarning,
  RankableUnit,
  Ranking,
  RankingGroup,
  RankingIndicator,
  RankingRow,
  RankingTables,
  RedProjectLine,
  raceDefinitionBody,
} from '../../src/contract/race';
import type {
  BulletinsUnchangedWarning,
  IndicatorValueItem,
  IndicatorValues,
  IndicatorValuesSaved,
  TargetItem,
  Targets,
  TargetsSaved,
  TargetsImported,
  indicatorValuesBody,
  targetsBody,
} from '../../src/contract/targets';
import type {
  BulletinDraft,
  BulletinFileDigest,
  BulletinSummary,
  BulletinView,
  publishBody,
} from '../../src/contract/bulletins';
import type { DashboardBulletin, DashboardRace } from '../../src/contract/dashboard';

export type { IndicatorKey, IndicatorUnit, LocalisedText, MethodKey, PeerGroup, ScoreNote };
export type {
  BreakdownCell,
  BulletinDraft,
  BulletinFileDigest,
  BulletinsUnchangedWarning,
  BulletinSummary,
  DashboardBulletin,
  DashboardRace,
  IndicatorInfo,
  IndicatorValueItem,
  IndicatorValues,
  RaceSummary,
  RaceWarning,
  RankableUnit,
  Ranking,
  RankingGroup,
  RankingIndicator,
  RankingRow,
  RankingTables,
  TargetItem,
  Targets,
};
export type Race = RaceView;
export type RankingPeriod = RankingTables['period'];
export type RankHistory = Ranking['history'];
export type RedProject = RedProjectLine;
/** A bulletin as published; from GET /bulletins/:id also with its files' digests. */
export type Bulletin = BulletinView;
export type DashboardRaceUnit = DashboardRace['groups'][number]['top'][number];
/** What GET /dashboard adds for the race: the latest ranking's 骏马 and 蜗牛, and the latest bulletin. */
export interface DashboardRaceParts {
  race?: DashboardRace | null;
  latestBulletin?: DashboardBulletin | null;
}

/** The period kinds a race may use through the API. */
export type RacePeriodKind = 'month' | 'quarter' | 'year';

/** PUT /targets as the browser sends it (the year a number). */
export type TargetsInput = z.input<typeof targetsBody> & { year: number };
/** One changed cell; null removes the target. */
export type TargetInput = TargetsInput['items'][number];

/** PUT /indicator-values as the browser sends it (year and month numbers). */
export type IndicatorValuesInput = z.input<typeof indicatorValuesBody> & { year: number; month: number };
export type IndicatorValueInput = IndicatorValuesInput['items'][number];

// The contract takes a race definition as any object (raceDefinitionBody) and parseRaceDefinition checks it,
// naming the field it is about; the shape the form sends is spelled out here, and must fit that body.

/** Params per method, as the API takes them (tier minimums in 元). */
export type MethodParamsInput = {
  ratioToTarget: { cap: number };
  efficacyCoefficient: Record<string, never>;
  rankPoints: { points: number[]; rest: 'zero' | 'last' };
  tieredCount: { tiers: { min: number; points: number }[] };
  deduction: { perEvent: number; cap: number };
};

export type RaceIndicatorInput = {
  [M in MethodKey]: { key: IndicatorKey; weight: number; method: M; params: MethodParamsInput[M] };
}[MethodKey];

export type RaceDefinitionInput = z.input<typeof raceDefinitionBody> & {
  name: string;
  periodKind: RacePeriodKind;
  groups?: PeerGroup[];
  indicators: RaceIndicatorInput[];
  topN: number;
  bottomN: number;
};

/**
 * POST /bulletins as the browser sends it (year and period numbers); `acknowledged`: publish although
 * the check before publishing found problems (see api-bulletins).
 */
export type BulletinInput = z.input<typeof publishBody> & { year: number; period: number };

const racePath = (id: Id) => `/races/${encodeURIComponent(String(id))}`;
const bulletinPath = (id: Id) => `/bulletins/${encodeURIComponent(String(id))}`;

/** Where the browser downloads a bulletin's file (the session cookie goes along with a plain link). */
export const bulletinFileUrl = (id: Id, format: 'docx' | 'pdf' | 'xlsx') => `/api/v1${bulletinPath(id)}/${format}`;

/** The page's language, named in a download link (a link cannot set Accept-Language). */
type FileLang = 'zh-CN' | 'en';

/** Where the browser downloads the ranking as .xlsx: the page's period and moment, in its language. */
export const rankingExportUrl = (
  id: Id,
  params: { year?: number; period?: number; asOf?: string | null; lang: FileLang },
) => `/api/v1${racePath(id)}/ranking/export${query({ ...params, asOf: params.asOf ?? undefined })}`;

/** Where the browser downloads the targets grid of a year as .xlsx. */
export const targetsExportUrl = (year: number, lang: FileLang) => `/api/v1/targets/export${query({ year, lang })}`;

export const raceApi = {
  indicators: () => request<{ items: IndicatorInfo[] }>('GET', '/indicators'),

  targets: (year: number) => request<Targets>('GET', `/targets${query({ year })}`),
  saveTargets: (body: TargetsInput) => request<TargetsSaved>('PUT', '/targets', body),
  /** Imports a targets file (multipart: file) in the export's layout: all of it, or nothing. */
  importTargets: (year: number, file: Blob, fileName: string) => {
    const form = new FormData();
    form.append('file', file, fileName);
    return request<TargetsImported>('POST', `/targets/import${query({ year })}`, form);
  },

  indicatorValues: (params: { indicator: IndicatorKey; year: number; month: number }) =>
    request<IndicatorValues>('GET', `/indicator-values${query(params)}`),
  saveIndicatorValues: (body: IndicatorValuesInput & { indicator: IndicatorKey }) =>
    request<IndicatorValuesSaved>('PUT', '/indicator-values', body),

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
