/**
 * 赛马: the indicator library, race definitions, the ranking of a
 * period (live, as of an instant, beside the published one), the records behind a figure, and a
 * bulletin's ranking regenerated from history. Values are in the indicator's base unit: integer 元 for
 * '元', a count for '个', a percentage number for '%'.
 */
import { z } from 'zod';
import { MAX_ID, asOfParam, fileLangParam, monthParam, yearParam } from './common.ts';
import { INDICATORS, type IndicatorKey } from '../domain/race/indicators.ts';
import { METHOD_KEYS } from '../domain/race/methods/index.ts';
import { PERIOD_KINDS, RANKED_PERIOD_KINDS } from '../domain/race/race-definition.ts';
import { UNIT_KINDS } from '../domain/units/unit-tree.ts';

/** The period kinds a race is ranked by (weekly races are not ranked yet). */

const year = yearParam;
const month = monthParam;
const asOf = asOfParam;

export const localisedText = z.object({ 'zh-CN': z.string(), en: z.string() });
export const indicatorKey = z.enum(INDICATORS.map((i) => i.key) as [IndicatorKey, ...IndicatorKey[]]);
export const indicatorUnit = z.enum(['元', '个', '%']);
export const methodKey = z.enum(METHOD_KEYS);
export const scoreNote = z.enum(['noTarget', 'badTarget', 'noValue']);

/** One entry of the indicator library. */
export const indicatorInfo = z.object({
  key: indicatorKey,
  label: localisedText,
  unit: indicatorUnit,
  higherIsBetter: z.boolean(),
  source: z.enum(['computed', 'manual']),
  /** False while the data behind it does not exist yet (signed deals, tickets). */
  available: z.boolean(),
});
export type IndicatorInfo = z.infer<typeof indicatorInfo>;
export const indicatorsResponse = z.object({ items: z.array(indicatorInfo) });

/** A unit that can be ranked (township, street, department, platform) and that the reader may see. */
export const rankableUnit = z.object({ unitId: z.number(), unitName: z.string(), kind: z.string() });
export type RankableUnit = z.infer<typeof rankableUnit>;

/** A race's weights that do not add up to 100, with the message in the reader's language. */
export const raceWarning = z.object({ code: z.string(), sum: z.number(), message: z.string() });
export type RaceWarning = z.infer<typeof raceWarning>;

export const raceSummary = z.object({
  id: z.number(),
  name: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  indicatorCount: z.number(),
  warnings: z.array(raceWarning),
  updatedAt: z.string(),
});
export type RaceSummary = z.infer<typeof raceSummary>;
export const racesResponse = z.object({ items: z.array(raceSummary) });

export const peerGroup = z.object({ key: z.string(), label: localisedText, unitKinds: z.array(z.enum(UNIT_KINDS)) });
export type PeerGroup = z.infer<typeof peerGroup>;

/** Each method's params as parsed (tier minimums in 元). */
const methodParams = z.union([
  z.object({ cap: z.number() }),
  z.object({ points: z.array(z.number()).readonly(), rest: z.enum(['zero', 'last']) }),
  z.object({ tiers: z.array(z.object({ min: z.number(), points: z.number() })).readonly() }),
  z.object({ perEvent: z.number(), cap: z.number() }),
  z.object({}),
]);

/** The body of a race definition: checked, with the field it is about named, by parseRaceDefinition. */
export const raceDefinitionBody = z.record(z.string(), z.unknown());

/** A race definition as parsed and stored. */
export const raceDefinition = z.object({
  name: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  groups: z.array(peerGroup),
  indicators: z.array(z.object({ key: indicatorKey, weight: z.number(), method: methodKey, params: methodParams })),
  topN: z.number(),
  bottomN: z.number(),
});
export type RaceDefinitionView = z.infer<typeof raceDefinition>;

export const raceView = z.object({
  id: z.number(),
  definition: raceDefinition,
  warnings: z.array(raceWarning),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type RaceView = z.infer<typeof raceView>;

export const rankingQuery = z.object({ year: year.optional(), period: month.optional(), asOf });

/** A ranked period: month 1–12, quarter 1–4, or 1 for a year; `label` in Chinese, `labels` in both languages. */
export const rankingPeriod = z.object({
  kind: z.enum(RANKED_PERIOD_KINDS),
  year: z.number(),
  index: z.number(),
  endMonth: z.number(),
  label: z.string(),
  labels: localisedText,
});

export const rankingIndicator = z.object({
  key: indicatorKey,
  label: localisedText,
  unit: indicatorUnit,
  weight: z.number(),
  method: methodKey,
});
export type RankingIndicator = z.infer<typeof rankingIndicator>;

export const breakdownCell = z.object({
  indicator: indicatorKey,
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** null (never 0) when the unit could not be scored; the note says why. */
  score: z.number().nullable(),
  note: scoreNote.nullable(),
});
export type BreakdownCell = z.infer<typeof breakdownCell>;

export const rankingRow = z.object({
  unitId: z.number(),
  name: z.string(),
  total: z.number(),
  rank: z.number(),
  /** Previous rank − current rank: positive moved up; null without a previous rank. */
  rankChange: z.number().nullable(),
  breakdown: z.array(breakdownCell),
});
export type RankingRow = z.infer<typeof rankingRow>;

export const rankingGroup = z.object({
  group: z.string(),
  label: localisedText,
  rows: z.array(rankingRow),
  /** 骏马 */
  top: z.array(rankingRow),
  /** 蜗牛 */
  bottom: z.array(rankingRow),
  /** Too few units for both lists: the group names nobody. Absent from bulletins frozen before it existed. */
  tooSmall: z.boolean().optional(),
});
export type RankingGroup = z.infer<typeof rankingGroup>;

/** The tables a bulletin freezes: the ranking's period, indicators and groups. */
export const rankingTables = z.object({
  period: rankingPeriod,
  indicators: z.array(rankingIndicator),
  groups: z.array(rankingGroup),
});
export type RankingTables = z.infer<typeof rankingTables>;

/** A published period's frozen ranking, and how the live one differs from it and why. */
export const publishedView = z.object({
  bulletinId: z.number(),
  title: z.string(),
  docNumber: z.string(),
  publishedAt: z.string(),
  indicators: z.array(rankingIndicator),
  groups: z.array(rankingGroup),
  changes: z.array(
    z.object({
      unitId: z.number(),
      name: z.string(),
      publishedTotal: z.number().nullable(),
      publishedRank: z.number().nullable(),
      liveTotal: z.number(),
      liveRank: z.number(),
    }),
  ),
  approvedAfterCount: z.number(),
  approvedAfter: z.array(
    z.object({
      reportId: z.number(),
      projectId: z.number(),
      projectName: z.string(),
      month: z.number(),
      revision: z.number(),
      amountYuan: z.number(),
      correctionReason: z.string().nullable(),
      approvedAt: z.string().nullable(),
      approvedBy: z.string().nullable(),
    }),
  ),
});
export type PublishedView = z.infer<typeof publishedView>;

export const rankHistory = z.object({
  periods: z.array(z.object({ index: z.number(), label: z.string() })),
  units: z.array(
    z.object({ unitId: z.number(), name: z.string(), group: z.string(), ranks: z.array(z.number().nullable()) }),
  ),
});

export const rankingResponse = rankingTables.extend({
  raceId: z.number(),
  name: z.string(),
  warnings: z.array(raceWarning),
  /** The instant the figures are as of; null when live. */
  asOf: z.string().nullable(),
  /**
   * full: every unit's rows (a published period, or a coordinator, leader or auditor); own: a unit's
   * editor before publication sees only their own unit's rows, with its rank among all.
   */
  visibility: z.enum(['full', 'own']),
  publishedBulletinId: z.number().nullable(),
  /** A published period: the bulletin's frozen ranking and what changed since. */
  published: publishedView.nullable(),
  history: rankHistory,
});
export type Ranking = z.infer<typeof rankingResponse>;

export const recordsQuery = z.object({
  year,
  period: month,
  unitId: z.coerce.number().int().positive().max(MAX_ID),
  indicator: z.string().min(1).max(40),
  asOf,
});

/** A project a figure counts, as the drill-through lists it; a red one also with its light's reasons and rule-set version. */
export const recordProject = z.object({
  projectId: z.number(),
  name: z.string(),
  /** The national project code (项目代码), when known. */
  code: z.string().nullable(),
  stage: z.string(),
  totalInvestmentYuan: z.number(),
  plannedStartDate: z.string().nullable(),
  actualStartDate: z.string().nullable(),
  reasons: z.array(localisedText).optional(),
  ruleSetVersion: z.number().optional(),
});
export type RecordProject = z.infer<typeof recordProject>;

/** An approved report revision an amount sums: the one in force for its month at the instant. */
export const recordReport = z.object({
  reportId: z.number(),
  projectId: z.number(),
  projectName: z.string(),
  year: z.number(),
  month: z.number(),
  revision: z.number(),
  amountYuan: z.number(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
export type RecordReport = z.infer<typeof recordReport>;

/**
 * A ticket a ticket figure is made of, as it stood at the period's end (or the instant): the base of a rate
 * (due in the period; rated in it), `counted` when it is in the numerator (answered; 满意 or 基本满意).
 */
export const recordTicket = z.object({
  ticketId: z.number(),
  title: z.string(),
  enterpriseName: z.string(),
  state: z.string(),
  closeDueAt: z.string().nullable(),
  rating: z.string().nullable(),
  counted: z.boolean(),
});
export type RecordTicket = z.infer<typeof recordTicket>;

/**
 * A deal a deal figure is made of, as its events stood at the period's end (or the instant): signed in the
 * period (the counts, the landing rate's base), or with funds arrived in it; `counted` when it is in the
 * numerator (landed, for the landing rate).
 */
export const recordDeal = z.object({
  dealId: z.number(),
  name: z.string(),
  investorName: z.string().nullable(),
  signedOn: z.string().nullable(),
  signedAmountYuan: z.number().nullable(),
  landedOn: z.string().nullable(),
  /** 到位资金 arrived in the period, in 元. */
  fundsYuan: z.number(),
  counted: z.boolean(),
});
export type RecordDeal = z.infer<typeof recordDeal>;

/**
 * What one unit's figure is made of: `count` records (reports for an amount, tickets for a ticket figure,
 * deals for a deal figure, else projects), and for an amount their sum in 元.
 */
export const figureRecordsOf = z.object({
  count: z.number(),
  sumYuan: z.number().nullable(),
  projects: z.array(recordProject),
  reports: z.array(recordReport),
  tickets: z.array(recordTicket),
  deals: z.array(recordDeal),
});
export type FigureRecordsOf = z.infer<typeof figureRecordsOf>;

/** The records behind one figure of one unit, with the period, unit and indicator they are of. */
export const figureRecords = figureRecordsOf.extend({
  raceId: z.number(),
  period: z.object({ year: z.number(), index: z.number(), label: z.string(), labels: localisedText }),
  asOf: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  indicator: z.string(),
  metric: z.string().nullable(),
});
export type FigureRecords = z.infer<typeof figureRecords>;

/** A red project as a bulletin lists it. */
export const redProjectLine = z.object({
  projectId: z.number(),
  name: z.string(),
  unitName: z.string(),
  reasons: z.array(z.string()),
});
export type RedProjectLine = z.infer<typeof redProjectLine>;

/** The county's plan and completion of the year through a period's last month. */
export const periodTotals = z.object({
  planYuan: z.number(),
  completedYuan: z.number(),
  completionPct: z.number().nullable(),
  timePct: z.number(),
});
export type PeriodTotals = z.infer<typeof periodTotals>;

const bulletinFigures = z.object({
  ranking: rankingTables,
  redProjects: z.array(redProjectLine),
  totals: periodTotals,
});

/** A bulletin's frozen figures beside the same computed again from history as of its publication. */
export const regeneratedResponse = z.object({
  bulletinId: z.number(),
  asOf: z.string(),
  matches: z.boolean(),
  differingParts: z.array(z.enum(['ranking', 'redProjects', 'totals'])),
  frozen: bulletinFigures,
  regenerated: bulletinFigures,
});
export type Regenerated = z.infer<typeof regeneratedResponse>;

/** The ranking as .xlsx: the same params as the ranking read, and the file's language. */
export const rankingExportQuery = rankingQuery.extend({ lang: fileLangParam });
