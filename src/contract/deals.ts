/**
 * 招商: deals from a lead to a landed project, their moves, the teams' activity log, funds in place, the
 * conversion into a project, the county's lists (source regions, kinds, chains, tiers, lead clocks) and the
 * figures of the funnel. Which moves are allowed and what each needs is src/domain/deals/deal-stages.ts;
 * the schemas here bound sizes and shapes. Amounts come in as 万元 (common.ts wanAmount) and go out in 元.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, LISTING_STATUSES } from '../domain/deals/deal-fields.ts';
import { DEAL_STAGES } from '../domain/deals/deal-stages.ts';
import { APPROVAL_MODES, NATURES, PROJECT_KINDS } from '../domain/projects/project-fields.ts';
import { MAX_ID, wanAmount } from './common.ts';

const id = z.number().int().positive().max(MAX_ID);
const queryId = z.coerce.number().int().positive().max(MAX_ID);
const date = z.iso.date();
const key = z.string().trim().max(40);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
const colour = z.enum(['green', 'yellow', 'red']);
const localised = z.object({ 'zh-CN': z.string(), en: z.string() });
const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/)
  .nullish();

const dealFields = {
  name: z.string().trim().min(2).max(120),
  investorName: optionalText(120),
  investorCreditCode: creditCode,
  investorListing: z.enum(LISTING_STATUSES),
  investorHqRegion: optionalText(60),
  /** A key of the county's source regions (GET /deal-settings). */
  sourceRegion: key,
  chainKey: key.nullish(),
  linkKey: key.nullish(),
  /** A key of the county's deal kinds. */
  kind: key,
  intendedInvestmentWan: wanAmount,
  /** 牵头单位: the unit responsible. */
  unitId: id,
  teamId: id.nullish(),
  patronLeader: optionalText(60),
  targetId: id.nullish(),
  /** Where it would land, for the map. */
  townshipUnitId: id.nullish(),
  longitude: z.number().min(73).max(136).nullish(),
  latitude: z.number().min(3).max(54).nullish(),
};

export const dealBody = z.strictObject({
  ...dealFields,
  investorListing: dealFields.investorListing.default('unlisted'),
});
export type DealBody = z.input<typeof dealBody>;
/** An edit: the fields changed, and the version the person saw. */
export const dealPatch = z.strictObject(dealFields).partial().extend({ version: z.number().int().positive() });
export type DealPatch = z.input<typeof dealPatch>;

export const dealMoveBody = z.strictObject({
  to: z.enum(DEAL_STAGES),
  reason: z.string().max(500).optional(),
  signedOn: z.string().max(20).optional(),
  signedAmountWan: wanAmount.optional(),
  landedOn: z.string().max(20).optional(),
  /** The version the person saw: a change made meanwhile by someone else is a 409. */
  version: z.number().int().positive(),
});
export type DealMoveBody = z.input<typeof dealMoveBody>;

/** Converting a signed deal: link a project already in the library, or create one with what a project needs. */
export const dealConvertBody = z.strictObject({
  version: z.number().int().positive(),
  projectId: id.optional(),
  name: z.string().trim().min(2).max(120).optional(),
  industryCode: z.string().trim().min(1).max(4).optional(),
  nature: z.enum(NATURES).default('new'),
  kind: z.enum(PROJECT_KINDS).default('industry'),
  approvalMode: z.enum(APPROVAL_MODES).default('filing'),
  plannedStartDate: date.nullish(),
});
export type DealConvertBody = z.input<typeof dealConvertBody>;

export const dealActivityBody = z.strictObject({
  onDate: z.string().max(20),
  kind: z.enum(ACTIVITY_KINDS),
  attendees: z.string().trim().min(1).max(300),
  summary: z.string().trim().min(1).max(2000),
});
export type DealActivityBody = z.input<typeof dealActivityBody>;

export const dealFundBody = z.strictObject({
  onDate: z.string().max(20),
  amountWan: wanAmount,
  note: optionalText(300),
});
export type DealFundBody = z.input<typeof dealFundBody>;

const named = z.object({ id: z.number(), name: z.string() });

export const dealClockView = z.object({
  clock: z.string(),
  clockLabel: z.string(),
  due: z.string(),
  /** 还剩 1 个工作日 / 已超期 3 个工作日, in the caller's language. */
  text: z.string(),
});

export const dealView = z.object({
  id: z.number(),
  name: z.string(),
  investorName: z.string().nullable(),
  investorCreditCode: z.string().nullable(),
  investorListing: z.enum(LISTING_STATUSES),
  investorHqRegion: z.string().nullable(),
  sourceRegion: z.string(),
  sourceRegionLabel: z.string(),
  chainKey: z.string().nullable(),
  chainLabel: z.string().nullable(),
  linkKey: z.string().nullable(),
  linkLabel: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  intendedInvestmentYuan: z.number(),
  /** The keys of the county's tiers the amount reaches (亿元以上 …), the signed amount once signed. */
  tiers: z.array(z.string()),
  unit: named,
  team: named.nullable(),
  patronLeader: z.string().nullable(),
  stage: z.enum(DEAL_STAGES),
  stageLabel: z.string(),
  stageEnteredOn: z.string(),
  shelvedFrom: z.enum(DEAL_STAGES).nullable(),
  exitReason: z.string().nullable(),
  signedOn: z.string().nullable(),
  signedAmountYuan: z.number().nullable(),
  landedOn: z.string().nullable(),
  project: named.nullable(),
  fundsInPlaceYuan: z.number(),
  colour,
  clock: dealClockView.nullable(),
  lastActivityOn: z.string().nullable(),
  /** The moves the person may make now (the stage rules and their reach). */
  moves: z.array(z.enum(DEAL_STAGES)),
  version: z.number(),
});
export type DealView = z.infer<typeof dealView>;

export const dealEventView = z.object({
  id: z.number(),
  step: z.string(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  onDate: z.string(),
  actor: z.string(),
  at: z.string(),
  text: z.string(),
});
export const dealActivityView = z.object({
  id: z.number(),
  dealId: z.number(),
  dealName: z.string(),
  onDate: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  kindLabel: z.string(),
  attendees: z.string(),
  summary: z.string(),
  team: named.nullable(),
  actor: z.string(),
});
export type DealActivityView = z.infer<typeof dealActivityView>;
export const dealFundView = z.object({
  id: z.number(),
  onDate: z.string(),
  amountYuan: z.number(),
  note: z.string().nullable(),
});

export const dealDetail = dealView.extend({
  events: z.array(dealEventView),
  activities: z.array(dealActivityView),
  funds: z.array(dealFundView),
});
export type DealDetail = z.infer<typeof dealDetail>;

export const dealsQuery = z.object({
  stage: z.enum(DEAL_STAGES).optional(),
  unitId: queryId.optional(),
  teamId: queryId.optional(),
  sourceRegion: key.optional(),
  chainKey: key.optional(),
  kind: key.optional(),
  light: colour.optional(),
  /** Deals reaching this tier (a key of the county's tiers). */
  tier: key.optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DealsQuery = z.infer<typeof dealsQuery>;
export const dealsResponse = z.object({ items: z.array(dealView), total: z.number() });
export type DealsResponse = z.infer<typeof dealsResponse>;

/** The kanban: per stage its count and its first cards, newest move first. */
export const dealBoardQuery = dealsQuery
  .pick({ unitId: true, teamId: true, sourceRegion: true, chainKey: true, q: true })
  .extend({
    perStage: z.coerce.number().int().min(1).max(50).default(20),
  });
export const dealBoard = z.object({
  columns: z.array(
    z.object({ stage: z.enum(DEAL_STAGES), stageLabel: z.string(), count: z.number(), cards: z.array(dealView) }),
  ),
});
export type DealBoard = z.infer<typeof dealBoard>;

/** The funnel and the breakdowns: county-wide or one unit's or team's, deals created in a year (or all). */
export const dealFiguresQuery = z.object({
  unitId: queryId.optional(),
  teamId: queryId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
const breakdownRow = z.object({ key: z.string(), label: z.string(), count: z.number(), amountYuan: z.number() });
export const dealFunnel = z.object({
  rows: z.array(
    z.object({
      stage: z.enum(DEAL_STAGES),
      stageLabel: z.string(),
      reached: z.number(),
      current: z.number(),
      /** Percent to one decimal as text ("62.5"), null when nothing reached the stage. */
      conversionPct: z.string().nullable(),
      medianDays: z.number().nullable(),
    }),
  ),
  signedPct: z.string().nullable(),
  exits: z.object({ shelved: z.number(), terminated: z.number() }),
});
export const dealBreakdown = z.object({
  bySource: z.array(breakdownRow),
  byChain: z.array(breakdownRow),
  byTeam: z.array(breakdownRow),
  /** Signed deals per tier (亿元以上, 10 亿元以上 …) in the year, against the unit's target when it has one. */
  tiers: z.array(z.object({ key: z.string(), label: z.string(), signed: z.number(), target: z.number().nullable() })),
});
export type DealFunnel = z.infer<typeof dealFunnel>;
export type DealBreakdown = z.infer<typeof dealBreakdown>;

/** Signed, not landed: each deal's days since signing against the sign → start promise. */
export const signedNotStartedResponse = z.object({
  items: z.array(
    dealView.extend({
      daysSinceSigned: z.number(),
      promiseDays: z.number(),
      late: z.boolean(),
    }),
  ),
});
export type SignedNotStartedResponse = z.infer<typeof signedNotStartedResponse>;

/** A team's log for a week or a month: every entry of its members, by date. */
export const teamLogQuery = z.object({ from: z.string().max(20), to: z.string().max(20) });
export const teamLog = z.object({
  team: named,
  from: z.string(),
  to: z.string(),
  entries: z.array(dealActivityView),
  /** Per kind, the count of entries. */
  counts: z.array(z.object({ kind: z.enum(ACTIVITY_KINDS), label: z.string(), count: z.number() })),
  deals: z.number(),
});
export type TeamLog = z.infer<typeof teamLog>;

export const dealTeamBody = z.strictObject({
  name: z.string().trim().min(2).max(60),
  unitId: id,
  leaderName: optionalText(60),
  memberIds: z.array(id).max(50).default([]),
});
export type DealTeamBody = z.input<typeof dealTeamBody>;
export const dealTeamView = z.object({
  id: z.number(),
  name: z.string(),
  unit: named,
  leaderName: z.string().nullable(),
  members: z.array(named),
});
export type DealTeamView = z.infer<typeof dealTeamView>;
export const dealTeamsResponse = z.object({ items: z.array(dealTeamView) });

const option = z.strictObject({ key: z.string().max(40), label: localised });
/** The county's lists; checked as a whole by src/domain/deals/deal-fields.ts checkDealSettings. */
export const dealSettingsBody = z.strictObject({
  sourceRegions: z.array(option).max(50),
  kinds: z.array(option).max(30),
  tiers: z.array(z.strictObject({ key: z.string().max(40), label: localised, minYuan: z.number() })).max(10),
  chains: z
    .array(
      z.strictObject({
        key: z.string().max(40),
        label: localised,
        group: z.string().max(20),
        links: z.array(option).max(40),
      }),
    )
    .max(40),
  clocks: z.strictObject({ respond: z.number(), assess: z.number(), feedback: z.number(), followUp: z.number() }),
});
export type DealSettingsBody = z.infer<typeof dealSettingsBody>;
export const dealSettingsView = dealSettingsBody;

/** 目标企业: the head companies of a chain and link the county means to approach, and how far it has got. */
export const TARGET_CATEGORIES = ['head', 'unicorn', 'specialised', 'other'] as const;
export const TARGET_STATUSES = ['notContacted', 'contacted', 'visited', 'negotiating', 'signed', 'declined'] as const;
export const dealTargetBody = z.strictObject({
  chainKey: key,
  linkKey: key.nullish(),
  name: z.string().trim().min(2).max(120),
  creditCode,
  category: z.enum(TARGET_CATEGORIES),
  hqRegion: optionalText(60),
  status: z.enum(TARGET_STATUSES).default('notContacted'),
  note: optionalText(1000),
  /** The unit that approaches it. */
  unitId: id,
});
export type DealTargetBody = z.input<typeof dealTargetBody>;
export const dealTargetPatch = dealTargetBody.partial();
export type DealTargetPatch = z.input<typeof dealTargetPatch>;
export const dealTargetsQuery = z.object({ chainKey: key.optional(), linkKey: key.optional() });
export const dealTargetView = z.object({
  id: z.number(),
  chainKey: z.string(),
  chainLabel: z.string(),
  linkKey: z.string().nullable(),
  linkLabel: z.string().nullable(),
  name: z.string(),
  creditCode: z.string().nullable(),
  category: z.enum(TARGET_CATEGORIES),
  hqRegion: z.string().nullable(),
  status: z.enum(TARGET_STATUSES),
  note: z.string().nullable(),
  unit: named,
  /** The deals that came from it, with their stages. */
  deals: z.array(z.object({ id: z.number(), name: z.string(), stage: z.enum(DEAL_STAGES), stageLabel: z.string() })),
});
export type DealTargetView = z.infer<typeof dealTargetView>;
export const dealTargetsResponse = z.object({ items: z.array(dealTargetView) });
