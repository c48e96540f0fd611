// The search params of the 招商 pages, validated once by their routes: unknown or malformed values are dropped, so a
// filtered kanban, a year's figures or a team's week can be linked to and survive a reload.
import { positiveInt, stringifySearch, text } from '../../routes/search';
import { DEAL_STAGES, isCalendarDate, isDealStage, type DealStage } from '../../../../src/domain/deals/deal-stages';

type Raw = Record<string, unknown>;

/** A key of the county's lists as a filter: letters and digits, as the settings' keys are written. */
const key = (value: unknown) => {
  const s = text(value);
  return s !== undefined && /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(s) ? s : undefined;
};

const year = (value: unknown) => {
  const n = positiveInt(value);
  return n !== undefined && n >= 2000 && n <= 2100 ? n : undefined;
};

/** The stages, for the list's filter. */
export const DEAL_STAGE_FILTERS = DEAL_STAGES;

/** /deals?view=list&stage=lead&unitId=5&teamId=2&sourceRegion=hangzhou&chainKey=biomedicine&q=装备&page=2 */
export interface DealBoardState {
  view?: 'list';
  /** The list's stage (the kanban shows every stage). */
  stage?: DealStage;
  unitId?: number;
  teamId?: number;
  sourceRegion?: string;
  chainKey?: string;
  q?: string;
  /** The list's page (the kanban shows each column's first cards). */
  page?: number;
}

export const dealBoardSearch = (raw: Raw): DealBoardState => ({
  view: raw.view === 'list' ? 'list' : undefined,
  stage: isDealStage(raw.stage) ? raw.stage : undefined,
  unitId: positiveInt(raw.unitId),
  teamId: positiveInt(raw.teamId),
  sourceRegion: key(raw.sourceRegion),
  chainKey: key(raw.chainKey),
  q: text(raw.q)?.slice(0, 60),
  page: positiveInt(raw.page),
});

/** The kanban's (or the list's) address for a filter. */
export const dealBoardUrl = (state: DealBoardState) => `/deals${stringifySearch(state as Record<string, unknown>)}`;

/** /deals/figures?unitId=5&teamId=2&year=2026; without a year, every deal. */
export interface DealFiguresState {
  unitId?: number;
  teamId?: number;
  year?: number;
}

export const dealFiguresSearch = (raw: Raw): DealFiguresState => ({
  unitId: positiveInt(raw.unitId),
  teamId: positiveInt(raw.teamId),
  year: year(raw.year),
});

export const dealFiguresUrl = (state: DealFiguresState) =>
  `/deals/figures${stringifySearch(state as Record<string, unknown>)}`;

/** /deal-teams/3/log?week=2026-11-02 (any day of the week) or ?month=2026-11 (月汇报). */
export interface TeamLogState {
  week?: string;
  month?: string;
}

export const teamLogSearch = (raw: Raw): TeamLogState => {
  const week = text(raw.week);
  const month = text(raw.month);
  if (month !== undefined && /^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return { month };
  return { week: week !== undefined && isCalendarDate(week) ? week : undefined };
};

export const teamLogUrl = (teamId: number | string, state: TeamLogState = {}) =>
  `/deal-teams/${teamId}/log${stringifySearch(state as Record<string, unknown>)}`;
