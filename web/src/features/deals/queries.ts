// 招商 queries: the kanban, a page of the list, one deal, the figures, the county's lists and teams, a team's log, and
// what a move or an entry makes stale. Every key starts with 'deals', so a language switch reads them all again.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Id } from '../../api';
import { dealsApi, type DealBoardParams, type DealFiguresParams, type DealListParams } from '../../api-deals';
import { queryClient } from '../../queries/client';

/** The list's page size. */
export const DEAL_PAGE_SIZE = 20;
/** The cards a column shows; its count says how many more there are. */
export const CARDS_PER_STAGE = 20;

/** The kanban under a filter: every stage with its count and first cards; the shown board stays until the next. */
export const dealBoardQuery = (params: DealBoardParams) =>
  queryOptions({
    queryKey: ['deals', 'board', params],
    queryFn: () => dealsApi.board({ perStage: CARDS_PER_STAGE, ...params }),
    placeholderData: keepPreviousData,
  });

/** One page of deals under a filter. */
export const dealListQuery = (params: DealListParams) =>
  queryOptions({
    queryKey: ['deals', 'list', params],
    queryFn: () => dealsApi.list({ pageSize: DEAL_PAGE_SIZE, ...params }),
    placeholderData: keepPreviousData,
  });

/** One deal with its events, activity log and funds. */
export const dealQuery = (id: Id) =>
  queryOptions({ queryKey: ['deals', 'detail', String(id)], queryFn: () => dealsApi.get(id), staleTime: 5_000 });

/** Entering a deal's page: the deal, asked for at once. */
export function prefetchDeal(id: Id): void {
  void queryClient.prefetchQuery(dealQuery(id));
}

/** The county's lists: asked once a session (the office rarely changes them), labels in both languages. */
export const dealSettingsQuery = queryOptions({
  queryKey: ['dealSettings'],
  queryFn: () => dealsApi.settings(),
  staleTime: 10 * 60_000,
});

/** The teams (招商小分队) and their members. */
export const dealTeamsQuery = queryOptions({
  queryKey: ['dealTeams'],
  queryFn: () => dealsApi.teams(),
  staleTime: 60_000,
});

export const dealFunnelQuery = (params: DealFiguresParams) =>
  queryOptions({
    queryKey: ['deals', 'funnel', params],
    queryFn: () => dealsApi.funnel(params),
    placeholderData: keepPreviousData,
  });

export const dealBreakdownQuery = (params: DealFiguresParams) =>
  queryOptions({
    queryKey: ['deals', 'breakdown', params],
    queryFn: () => dealsApi.breakdown(params),
    placeholderData: keepPreviousData,
  });

export const signedNotStartedQuery = (params: Pick<DealFiguresParams, 'unitId' | 'teamId'>) =>
  queryOptions({
    queryKey: ['deals', 'signedNotStarted', params],
    queryFn: () => dealsApi.signedNotStarted(params),
    placeholderData: keepPreviousData,
  });

/** A team's log between two dates. */
export const teamLogQuery = (teamId: Id, from: string, to: string) =>
  queryOptions({
    queryKey: ['deals', 'teamLog', String(teamId), from, to],
    queryFn: () => dealsApi.teamLog(teamId, from, to),
    placeholderData: keepPreviousData,
  });

/**
 * After a deal was entered, moved, converted or logged: every deal read (board, list, figures, logs); a conversion
 * adds a project, so the projects, their lights and the dashboard read again too.
 */
export async function invalidateDeals({ projects = false } = {}): Promise<void> {
  const keys = projects ? [['deals'], ['projects'], ['project-lists'], ['dashboard']] : [['deals']];
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** 目标企业 of a chain, or of all. */
export const dealTargetsQuery = (chainKey: string | undefined) =>
  queryOptions({
    queryKey: ['deals', 'targets', chainKey ?? ''],
    queryFn: () => dealsApi.targets(chainKey),
  });
