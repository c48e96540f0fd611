// The 招商 endpoints (the operations in /api/docs; types from src/contract/deals.ts): one function each.
import type { z } from 'zod';
import { query, request, type Id } from './api';
import type {
  DealActivityBody,
  DealBoard,
  DealBody,
  DealBreakdown,
  dealBoardQuery,
  DealConvertBody,
  DealDetail,
  dealFiguresQuery,
  DealFundBody,
  DealFunnel,
  DealMoveBody,
  DealPatch,
  DealSettingsBody,
  dealsQuery,
  DealsResponse,
  dealTeamsResponse,
  DealTeamView,
  DealView,
  SignedNotStartedResponse,
  TeamLog,
  DealTargetBody,
  DealTargetPatch,
  dealTargetsResponse,
  DealTargetView,
} from '../../src/contract/deals';

export type {
  DealActivityBody,
  DealBoard,
  DealBody,
  DealBreakdown,
  DealConvertBody,
  DealDetail,
  DealFundBody,
  DealFunnel,
  DealMoveBody,
  DealPatch,
  DealTeamView,
  DealView,
  SignedNotStartedResponse,
  TeamLog,
  DealTargetBody,
  DealTargetView,
};
/** The county's lists: source regions, kinds, tiers, chains with their links, the lead clocks. */
export type DealSettings = DealSettingsBody;
export type DealEvent = DealDetail['events'][number];
export type DealActivity = DealDetail['activities'][number];
export type DealFund = DealDetail['funds'][number];
export type DealColumn = DealBoard['columns'][number];
export type SignedNotStarted = SignedNotStartedResponse['items'][number];
/** The query of GET /deals: a filter and a numbered page. */
export type DealListParams = Partial<z.output<typeof dealsQuery>>;
/** The query of GET /deals/board: the list's filters and the cards per column. */
export type DealBoardParams = Partial<z.output<typeof dealBoardQuery>>;
/** The query of the funnel, the breakdowns and signed-not-started: a unit, a team, a year. */
export type DealFiguresParams = Partial<z.output<typeof dealFiguresQuery>>;

const dealPath = (id: Id) => `/deals/${encodeURIComponent(String(id))}`;

export const dealsApi = {
  list: (params: DealListParams) => request<DealsResponse>('GET', `/deals${query(params)}`),
  board: (params: DealBoardParams) => request<DealBoard>('GET', `/deals/board${query(params)}`),
  get: (id: Id) => request<DealDetail>('GET', dealPath(id)),
  create: (body: DealBody) => request<DealDetail>('POST', '/deals', body),
  /** An edit at the version the person saw: a 409 when someone else changed the deal meanwhile. */
  update: (id: Id, body: DealPatch) => request<DealDetail>('PATCH', dealPath(id), body),
  /** A move to another stage with what it needs, at the version the person saw. */
  move: (id: Id, body: DealMoveBody) => request<DealDetail>('POST', `${dealPath(id)}/moves`, body),
  /** 转入项目库: a new project from the signed deal (or one already in the library), once. */
  convert: (id: Id, body: DealConvertBody) => request<DealDetail>('POST', `${dealPath(id)}/convert`, body),
  addActivity: (id: Id, body: DealActivityBody) => request<DealDetail>('POST', `${dealPath(id)}/activities`, body),
  addFund: (id: Id, body: DealFundBody) => request<DealDetail>('POST', `${dealPath(id)}/funds`, body),
  funnel: (params: DealFiguresParams) => request<DealFunnel>('GET', `/deals/funnel${query(params)}`),
  breakdown: (params: DealFiguresParams) => request<DealBreakdown>('GET', `/deals/breakdown${query(params)}`),
  signedNotStarted: (params: Pick<DealFiguresParams, 'unitId' | 'teamId'>) =>
    request<SignedNotStartedResponse>('GET', `/deals/signed-not-started${query(params)}`),
  settings: () => request<DealSettings>('GET', '/deal-settings'),
  teams: () => request<z.infer<typeof dealTeamsResponse>>('GET', '/deal-teams'),
  /** 目标企业 of a chain (all when none), with the deals that came from each. */
  targets: (chainKey?: string) =>
    request<z.infer<typeof dealTargetsResponse>>('GET', `/deal-targets${query({ chainKey })}`),
  addTarget: (body: DealTargetBody) => request<DealTargetView>('POST', '/deal-targets', body),
  updateTarget: (id: Id, body: DealTargetPatch) =>
    request<DealTargetView>('PATCH', `/deal-targets/${encodeURIComponent(String(id))}`, body),
  /** A team's log between two dates (a week, a month). */
  teamLog: (id: Id, from: string, to: string) =>
    request<TeamLog>('GET', `/deal-teams/${encodeURIComponent(String(id))}/log${query({ from, to })}`),
};
