// The dashboard's query, asked for by the route as soon as it is entered (index.tsx) and read by the page.
import { queryOptions } from '@tanstack/react-query';
import { lightsApi, type Dashboard } from '../../api-lights';
import type { DashboardRaceParts } from '../../api-race';
import { queryClient } from '../../queries/client';
import { unitsQuery } from '../../queries/units';

/**
 * One unit's dashboard on one day (the county today when neither is named). Fresh for a few seconds, so
 * that the page, mounting just after the route asked, does not ask again.
 */
export const dashboardQuery = (unitId: number | undefined, asOf: string | null) =>
  queryOptions({
    queryKey: ['dashboard', { unitId, asOf }],
    queryFn: () => lightsApi.dashboard({ unitId, asOf }) as Promise<Dashboard & DashboardRaceParts>,
    staleTime: 5_000,
  });

/** Entering the dashboard: its figures and the unit tree (for the unit picker), asked for at once. */
export function prefetchDashboard(unitId: number | undefined, asOf: string | null): void {
  void queryClient.prefetchQuery(dashboardQuery(unitId, asOf));
  void queryClient.prefetchQuery(unitsQuery);
}
