// Race (赛马), targets and bulletin queries, and what a change to them makes stale.
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { Id } from '../../api';
import { bulletinApi } from '../../api-bulletins';
import { raceApi, type IndicatorKey } from '../../api-race';
import { queryClient } from '../../queries/client';

/** The races (GET /races), as the races page and the bulletins page's filter list them. */
export const racesQuery = queryOptions({ queryKey: ['races'], queryFn: () => raceApi.races() });

/** One race with its definition (GET /races/:id), the key the ranking page reads it under. */
export const raceQuery = (id: Id) => queryOptions({ queryKey: ['race', String(id)], queryFn: () => raceApi.race(id) });

/** A year's targets grid (GET /targets). */
export const targetsQuery = (year: number) =>
  queryOptions({ queryKey: ['targets', year], queryFn: () => raceApi.targets(year) });

/** One hand-entered statistic's figures through a month (GET /indicator-values); none asked without an indicator. */
export const indicatorValuesQuery = (indicator: IndicatorKey | undefined, year: number, month: number) =>
  queryOptions({
    queryKey: ['indicator-values', { indicator, year, month }],
    queryFn: indicator ? () => raceApi.indicatorValues({ indicator, year, month }) : skipToken,
  });

// Drafts and the check before publishing are asked afresh each time a dialog opens (its form takes the
// draft as initial values once): they are not kept once the dialog is closed.

/** The first draft of a period's bulletin (GET /races/:id/bulletin-draft). */
export const bulletinDraftQuery = (raceId: Id, year: number, period: number) =>
  queryOptions({
    queryKey: ['bulletin-draft', String(raceId), { year, period }],
    queryFn: () => raceApi.bulletinDraft(raceId, { year, period }),
    gcTime: 0,
  });

/** 发布前检查 of a period (GET /races/:id/publish-check). */
export const publishCheckQuery = (raceId: Id, year: number, period: number) =>
  queryOptions({
    queryKey: ['publish-check', String(raceId), { year, period }],
    queryFn: () => bulletinApi.publishCheck(raceId, { year, period }),
    gcTime: 0,
  });

/** The defaults of a correction of a bulletin (GET /bulletins/:id/correction-draft). */
export const correctionDraftQuery = (bulletinId: Id) =>
  queryOptions({
    queryKey: ['correction-draft', String(bulletinId)],
    queryFn: () => bulletinApi.correctionDraft(bulletinId),
    gcTime: 0,
  });

function invalidate(keys: string[][]): Promise<void> {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}

/**
 * After targets or hand-entered statistics were saved: the grids, every ranking and its records
 * (`['race', …]`), the bulletins (shown beside the live ranking) and the dashboard's 骏马 and 蜗牛.
 */
export function invalidateRaceFigures(): Promise<void> {
  return invalidate([['targets'], ['indicator-values'], ['race'], ['bulletins'], ['dashboard']]);
}

/** After a race was created, edited or deleted: the races list, the race and its rankings, the bulletins, the dashboard. */
export function invalidateRaces(): Promise<void> {
  return invalidate([['races'], ['race'], ['bulletins'], ['dashboard']]);
}

/**
 * After a bulletin was published or corrected: the bulletins, the rankings (which name the published
 * bulletin) and the dashboard's latest bulletin. The ranking on screen is not asked again: the page that
 * published puts the bulletin into it at once; the others reload when next shown.
 */
export async function invalidateBulletins(): Promise<void> {
  await Promise.all([
    invalidate([['bulletins'], ['dashboard']]),
    queryClient.invalidateQueries({ queryKey: ['race'], refetchType: 'none' }),
  ]);
}
